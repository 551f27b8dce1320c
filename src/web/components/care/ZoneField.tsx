import { useMemo } from 'react';
import { t } from '../../lib/i18n';
import { zoneName } from '../../lib/format';
import { timeZoneGroups } from '../../lib/time-zones';
import { GroupedSelectField } from '../fields';

/** "Show times in": the browser's zone to begin with, any other on request. */
export function ZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const groups = useMemo(() => timeZoneGroups(t('care.slots.otherZones'), [value]), [value]);
  return (
    <GroupedSelectField
      name="timeZone"
      label={t('care.slots.zoneLabel')}
      description={t('care.slots.zoneHint')}
      placeholder={t('care.slots.zonePlaceholder')}
      groups={groups}
      value={value}
      valueLabel={zoneName(value)}
      onChange={onChange}
    />
  );
}
