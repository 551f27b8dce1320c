import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors, type CodeFields } from './api';

/** Thrown from a submit handler when client-side checks fail: messages by field name. */
export class InvalidFields extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('Invalid fields');
    this.name = 'InvalidFields';
  }
}

/**
 * The submit lifecycle every form shares: pending state, field errors next to fields, one general
 * message, and focus moved to the first invalid field.
 *
 * @example
 * const form = useAsyncForm(async () => { await api('/api/…', { body }); }, { PASSWORD_TOO_SHORT: 'password' });
 * <Form onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" ref={form.ref}>
 */
export function useAsyncForm(submit: () => Promise<void>, codeFields: CodeFields = {}) {
  const ref = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setGeneral(undefined);
    submit()
      .then(() => setFieldErrors({}))
      .catch((error: unknown) => {
        if (error instanceof InvalidFields) {
          setFieldErrors(error.fieldErrors);
          return;
        }
        const split = formErrors(error, codeFields);
        setFieldErrors(split.fieldErrors);
        setGeneral(split.general);
      })
      .finally(() => setPending(false));
  };

  return { ref, onSubmit, fieldErrors, general, pending, setGeneral };
}
