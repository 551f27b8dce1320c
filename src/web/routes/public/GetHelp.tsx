import { useEffect, useState } from 'react';
import { crisisResources, SUPPORTED_REGIONS } from '../../../core/safety/resources';
import { AppLink } from '../../components/AppLink';
import { SelectField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { CrisisResourceList } from '../../components/reflect/SafetyPanel';
import { registerMessages, t } from '../../lib/i18n';
import { helpEn } from '../../lib/messages/help.en';

registerMessages('help', helpEn);

/** The region the server is configured for (CRISIS_REGION, in /api/v1/client-config); the US until it answers. */
function useConfiguredRegion(): string | undefined {
  const [region, setRegion] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/v1/client-config', { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ crisisRegion?: unknown }>) : undefined))
      .then((body) => {
        if (typeof body?.crisisRegion === 'string') setRegion(crisisResources(body.crisisRegion).region);
      })
      .catch(() => {
        // Keep the default region: some real lines are always better than none.
      });
    return () => controller.abort();
  }, []);
  return region;
}

const REGION_OPTIONS = SUPPORTED_REGIONS.map((code) => ({ id: code, label: crisisResources(code).regionName }));

/**
 * /help — "Get help now" (docs/decisions/031): the crisis lines for the configured region, with a
 * country choice, for anyone, signed in or not. Reached from the link beside Quick exit on every
 * page. Nothing about a visit here is recorded.
 */
export default function GetHelp() {
  const configured = useConfiguredRegion();
  const [chosen, setChosen] = useState<string>();
  const region = crisisResources(chosen ?? configured).region;
  const info = crisisResources(region);
  return (
    <div className="page get-help">
      <PageHeading title={t('help.title')} />
      <p className="lead">{t('help.lead')}</p>
      {REGION_OPTIONS.length > 1 && (
        <SelectField name="region" label={t('help.region')} description={t('help.regionHint')} options={REGION_OPTIONS} value={region} onChange={setChosen} />
      )}
      <section className="safety-panel" aria-labelledby="help-region-heading">
        <h2 id="help-region-heading">{t('help.regionHeading', { country: info.regionName })}</h2>
        <CrisisResourceList region={region} />
      </section>
      <p className="hint">{t('help.notTrellis')}</p>
      <p className="hint">{t('help.quickExit')}</p>
      <p>
        <AppLink to="/">{t('help.back')}</AppLink>
      </p>
    </div>
  );
}
