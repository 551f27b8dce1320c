import { crisisResources } from '../../../core/safety/resources';
import type { Screening } from '../../../core/schemas/reflect';
import { registerMessages, t } from '../../lib/i18n';
import { crisisLinesEn } from '../../lib/messages/crisis-lines.en';

registerMessages('crisisLines', crisisLinesEn);

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
      <Heading id="safety-panel-heading">{t('crisisLines.heading')}</Heading>
      <p>{t('crisisLines.lead')}</p>
      <CrisisResourceList />
      <p className="hint">{t('crisisLines.private')}</p>
    </section>
  );
}

/**
 * The region's crisis lines (core/safety) with call, text and website links, and the emergency
 * number. `region`: an ISO country code (the /help page's choice); the default region otherwise.
 */
export function CrisisResourceList({ region }: { region?: string } = {}) {
  const info = crisisResources(region);
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
                  {t('crisisLines.call', { number: resource.call })}
                </a>
              )}
              {resource.text && (
                <a
                  className="button button-secondary"
                  href={resource.textBody ? `sms:${dialable(resource.text)}?&body=${encodeURIComponent(resource.textBody)}` : `sms:${dialable(resource.text)}`}
                >
                  {resource.textBody ? t('crisisLines.textBody', { body: resource.textBody, number: resource.text }) : t('crisisLines.text', { number: resource.text })}
                </a>
              )}
              {resource.url && (
                <a href={resource.url} target="_blank" rel="noopener noreferrer">
                  {t('crisisLines.website', { name: resource.name })}
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
      <p>{t('crisisLines.emergency', { number: info.emergencyNumber })}</p>
    </>
  );
}
