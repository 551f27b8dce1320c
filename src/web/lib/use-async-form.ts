import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors, type CodeFields } from './api';

/** Thrown from a submit handler when client-side checks fail: messages by field name. */
export class InvalidFields extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('Invalid fields');
    this.name = 'InvalidFields';
  }
}

function fieldNamesOf(form: HTMLFormElement | null): Set<string> {
  const names = new Set<string>();
  if (!form) return names;
  for (const element of Array.from(form.elements)) {
    const name = element.getAttribute('name');
    if (name) names.add(name);
  }
  return names;
}

/**
 * The submit lifecycle every form shares: pending state, field errors next to fields, one general
 * message, and focus moved to the first invalid field after a failed submit.
 *
 * @example
 * const form = useAsyncForm(async () => { await api('/api/…', { body }); }, { PASSWORD_TOO_SHORT: 'password' });
 * <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria">
 */
export function useAsyncForm(submit: () => Promise<void>, codeFields: CodeFields = {}) {
  const ref = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [pending, setPending] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  // Bumped on every submit, so a clear scheduled by an earlier keystroke never erases newer errors.
  const submits = useRef(0);

  // After a failed submit (only then — not while someone is typing), go to the first problem.
  useEffect(() => {
    if (failedSubmits === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedSubmits]);

  // Clear a field's message as soon as the person edits it. React Aria would clear it only on
  // blur — and the layout shift as the message vanishes can make a click on Submit miss.
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    let timer: number | undefined;
    const onInput = (event: Event) => {
      const name = (event.target as Partial<HTMLInputElement> | null)?.name;
      if (!name) return;
      const submitAtInput = submits.current;
      // After React has handled this input event: a re-render from here, before React's own
      // onChange, would reset the controlled input and lose the keystroke.
      timer = window.setTimeout(() => {
        if (submits.current !== submitAtInput) return;
        setFieldErrors((errors) => {
          if (!(name in errors)) return errors;
          const { [name]: _cleared, ...rest } = errors;
          return rest;
        });
      });
    };
    form.addEventListener('input', onInput);
    return () => {
      form.removeEventListener('input', onInput);
      window.clearTimeout(timer);
    };
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    submits.current += 1;
    setPending(true);
    setGeneral(undefined);
    submit()
      .then(() => setFieldErrors({}))
      .catch((error: unknown) => {
        if (error instanceof InvalidFields) {
          setFieldErrors(error.fieldErrors);
        } else {
          const split = formErrors(error, codeFields, fieldNamesOf(ref.current));
          setFieldErrors(split.fieldErrors);
          setGeneral(split.general);
        }
        setFailedSubmits((n) => n + 1);
      })
      .finally(() => setPending(false));
  };

  return { ref, onSubmit, fieldErrors, general, pending, setGeneral };
}
