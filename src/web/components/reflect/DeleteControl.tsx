import { useEffect, useRef, useState } from 'react';
import { t } from '../../lib/i18n';

/**
 * Delete with a second, explicit step — shown in place, not in a dialog, so nothing else on the
 * page is hidden from assistive technology. Focus moves to the question, and back to "Delete"
 * if the person keeps it.
 */
export function DeleteControl({ onDelete, label }: { onDelete: () => Promise<void>; label?: string }) {
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) deleteRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={deleteRef} type="button" className="button button-secondary button-danger-outline" aria-label={label} onClick={() => setAsking(true)}>
        {t('reflect.delete.button')}
      </button>
    );
  }
  return (
    <div className="confirm">
      <p ref={questionRef} tabIndex={-1}>
        {t('reflect.delete.question')}
      </p>
      <p className="actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            if (deleting) return;
            setDeleting(true);
            onDelete().catch(() => undefined).finally(() => setDeleting(false));
          }}
        >
          {deleting ? t('reflect.delete.deleting') : t('reflect.delete.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('reflect.delete.keep')}
        </button>
      </p>
    </div>
  );
}
