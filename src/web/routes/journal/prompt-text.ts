import { promptById } from '../../../core/reflect/prompts';

/** The words of a prompt, by id (undefined for an unknown or retired prompt). */
export function promptText(id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  return promptById(id)?.text;
}
