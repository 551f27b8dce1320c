import { useEffect, useRef, type ReactNode } from 'react';
import { documentTitle } from '../lib/discreet';
import { t } from '../lib/i18n';

// The first heading of a visit keeps the browser's natural focus (so the skip link is the first
// Tab stop); every heading after that — a new route or a new step — receives focus.
// (Compared by element, so React StrictMode re-running the effect doesn't count as a new page.)
let firstHeading: HTMLHeadingElement | null = null;

/**
 * The page's one `<h1>`. It sets the document title and, after the first page of a visit, takes
 * focus so screen-reader and keyboard users start reading at the new content.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = documentTitle(t('app.pageTitle', { page: title })); // neutral in discreet mode
  }, [title]);

  useEffect(() => {
    const heading = ref.current;
    if (!firstHeading) firstHeading = heading;
    else if (heading !== firstHeading) heading?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
