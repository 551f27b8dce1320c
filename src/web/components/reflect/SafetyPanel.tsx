import { crisisResources } from '../../../core/safety/resources';
import type { Screening } from '../../../core/schemas/reflect';
import { t } from '../../lib/i18n';

/** `tel:` / `sms:` links: digits and a leading + only. */
function dialable(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

/**
 * Shown after saving when what was written suggests thoughts of self-harm or danger from a
 * partner (the screening comes from the server, or from this device when saved offline). Calm,
 * not an alarm: it never blocks anything, sends nothing anywhere, and only this person sees it.
 */
export function SafetyPanel({ screening, headingLevel = 2 }: { screening: Screening | undefined; headingLevel?: 2 | 3 }) {
  if (!screening || (!screening.selfHarm && !screening.partnerDanger)) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="safety-panel" aria-labelledby="safety-panel-heading">
      <Heading id="safety-panel-heading">{t('safety.heading')}</Heading>
      <p>{t('safety.lead')}</p>
      <CrisisResourceList />
      <p className="hint">{t('safety.private')}</p>
    </section>
  );
}

/** The region's crisis lines (core/safety) with call, text and website links, and the emergency number. */
export function CrisisResourceList() {
  const info = crisisResources();
  return (
    <>
      <ul className="safety-resources">
        {info.resources.map((resource) => (
          <li key={resource.id}>
            <p className="safety-resource-name">{resource.name}</p>
            {resource.description && <p className="hint">{resource.description}</p>}
            <p className="actions">
              {resource.call && (
                <a className="button button-secondary" href={`tel:${dialable(resource.call)}`}>
                  {t('safety.call', { number: resource.call })}
                </a>
              )}
              {resource.text && (
                <a
                  className="button button-secondary"
                  href={resource.textBody ? `sms:${dialable(resource.text)}?&body=${encodeURIComponent(resource.textBody)}` : `sms:${dialable(resource.text)}`}
                >
                  {resource.textBody ? t('safety.textBody', { body: resource.textBody, number: resource.text }) : t('safety.text', { number: resource.text })}
                </a>
              )}
              {resource.url && (
                <a href={resource.url} target="_blank" rel="noopener noreferrer">
                  {t('safety.website', { name: resource.name })}
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
      <p>{t('safety.emergency', { number: info.emergencyNumber })}</p>
    </>
  );
}
