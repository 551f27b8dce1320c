import { US_STATES } from '../../../core/booking/states';
import { hasMessage, t } from '../../lib/i18n';

/** "TX" → "Texas" (the code itself for anything unknown). */
export function stateName(code: string): string {
  return US_STATES.find((s) => s.code === code)?.name ?? code;
}

/** A therapy approach in words: "gottman" → "Gottman Method". */
export function approachLabel(id: string): string {
  const key = `care.approaches.${id}`;
  return hasMessage(key) ? t(key) : id;
}
