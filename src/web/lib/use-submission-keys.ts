import { useRef } from 'react';
import { submissionKeys } from './api';

/** One form's idempotency keys, kept for the life of the form (see `submissionKeys` in api.ts). */
export function useSubmissionKeys(): ReturnType<typeof submissionKeys> {
  const keys = useRef<ReturnType<typeof submissionKeys>>(undefined);
  keys.current ??= submissionKeys();
  return keys.current;
}
