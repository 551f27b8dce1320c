import { useMemo, useState } from 'react';
import { Radio, RadioGroup } from 'react-aria-components';
import { groupByDay, type Slot } from '../../lib/care-api';
import { formatDay } from '../../lib/format';
import { locale, t } from '../../lib/i18n';

/** How many days show at first: a week is enough to choose from without a long walk by Tab. */
const FIRST_DAYS = 7;

/**
 * Free times grouped by day in the client's zone. Each day is one radio group (one Tab stop,
 * arrow keys move between its times), so a fortnight of times stays quick to walk by keyboard.
 */
export function SlotPicker({ slots, timeZone, value, onChange }: { slots: readonly Slot[]; timeZone: string; value: string | null; onChange: (start: string) => void }) {
  const [allDays, setAllDays] = useState(false);
  const days = useMemo(() => groupByDay(slots), [slots]);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }), [timeZone]);
  const shown = allDays ? days : days.slice(0, FIRST_DAYS);
  return (
    <div className="slot-days">
      {shown.map((day) => {
        const headingId = `slot-day-${day.date}`;
        const selected = day.slots.some((s) => s.start === value) ? value : null;
        return (
          <section key={day.date} className="slot-day" aria-labelledby={headingId}>
            <h3 id={headingId}>{formatDay(day.date)}</h3>
            <RadioGroup aria-labelledby={headingId} value={selected} onChange={onChange} orientation="horizontal" className="choice-group">
              <div className="chips">
                {day.slots.map((slot) => (
                  <Radio key={slot.start} value={slot.start} className="chip radio" aria-label={slot.label}>
                    <span className="radio-dot" aria-hidden="true" />
                    <span>{time.format(Date.parse(slot.start))}</span>
                  </Radio>
                ))}
              </div>
            </RadioGroup>
          </section>
        );
      })}
      {!allDays && days.length > FIRST_DAYS && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setAllDays(true)}>
            {t('care.slots.moreDays', { count: days.length - FIRST_DAYS })}
          </button>
        </p>
      )}
    </div>
  );
}
