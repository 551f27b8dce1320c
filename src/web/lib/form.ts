import type { z } from 'zod';

/** Zod issues → `{ field: firstMessage }`, keyed by the top-level field name. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (field && !(field in result)) result[field] = issue.message;
  }
  return result;
}

/** Only the entries of `next` that differ from `current` — what a PATCH should send. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (!Object.is(current[key], next[key])) changed[key] = next[key];
  }
  return changed;
}
