import type { ReactNode } from 'react';

/** One settings area: an `<h2>` (focusable, so the "On this page" links can move focus to it). */
export function SettingsSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
