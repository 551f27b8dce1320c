import { describe, expect, it } from 'vitest';
import { PROMPT_GROUPS, PROMPTS, promptById, promptOfTheDay, type PromptGroup } from './prompts.ts';

/** 'YYYY-MM-DD' for `offset` days after `start` (UTC arithmetic on calendar dates). */
function addDays(start: string, offset: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

describe('prompt library', () => {
  it('has at least 30 prompts with unique ids and unique wording', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    expect(new Set(PROMPTS.map((p) => p.text.toLowerCase())).size).toBe(PROMPTS.length);
  });

  it('has the five groups, each titled, described and holding at least 6 prompts', () => {
    const expected: PromptGroup[] = ['fears', 'familiar_feelings', 'self_worth', 'origins', 'gratitude'];
    expect(PROMPT_GROUPS.map((g) => g.id)).toEqual(expected);
    for (const group of PROMPT_GROUPS) {
      expect(group.title.trim()).not.toBe('');
      expect(group.description.trim()).not.toBe('');
      expect(PROMPTS.filter((p) => p.group === group.id).length, group.id).toBeGreaterThanOrEqual(6);
    }
  });

  it('names each prompt after its group and keeps each one short and open', () => {
    for (const p of PROMPTS) {
      expect(p.id).toMatch(new RegExp(`^${p.group}-\\d{2}$`));
      expect(p.text.length, p.id).toBeLessThanOrEqual(160);
      expect(p.text, p.id).toMatch(/[?.]$/);
      expect(p.text, p.id).not.toMatch(/\b(diagnos\w*|disorder|attachment style|you are (?:anxious|avoidant|insecure)|should|must|will fix|cure)\b/i);
    }
  });

  it('finds a prompt by id, and nothing for an unknown one', () => {
    const first = PROMPTS[0]!;
    expect(promptById(first.id)).toBe(first);
    expect(promptById('fears-99')).toBeUndefined();
    expect(promptById('')).toBeUndefined();
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(PROMPTS)).toBe(true);
    expect(Object.isFrozen(PROMPTS[0])).toBe(true);
    expect(Object.isFrozen(PROMPT_GROUPS[0])).toBe(true);
  });
});

describe('promptOfTheDay', () => {
  it('is the same prompt all day, every time it is asked', () => {
    for (const day of ['2025-01-01', '2024-02-29', '1999-12-31', '2031-07-15']) {
      expect(promptOfTheDay(day)).toBe(promptOfTheDay(day));
      expect(PROMPTS).toContain(promptOfTheDay(day));
    }
  });

  it('gives a different prompt on consecutive days, across months, years and leap days', () => {
    const start = '2023-12-01';
    for (let i = 0; i < 3 * 366; i++) {
      expect(promptOfTheDay(addDays(start, i + 1)).id, addDays(start, i + 1)).not.toBe(promptOfTheDay(addDays(start, i)).id);
    }
  });

  it('shows every prompt once in any run of as many consecutive days as there are prompts', () => {
    for (const start of ['2025-01-01', '2024-02-20', '1969-12-25']) {
      const seen = new Set(Array.from({ length: PROMPTS.length }, (_, i) => promptOfTheDay(addDays(start, i)).id));
      expect(seen.size).toBe(PROMPTS.length);
    }
  });

  it('moves to a different group from one day to the next', () => {
    for (let i = 0; i < PROMPTS.length * 2; i++) {
      expect(promptOfTheDay(addDays('2025-06-01', i + 1)).group).not.toBe(promptOfTheDay(addDays('2025-06-01', i)).group);
    }
  });

  it.each(['', 'today', '2025-1-05', '2025-01-5', '25-01-05', '2025/01/05', '2025-01-05T00:00', ' 2025-01-05', '2025-01-05 ', '2025-13-01', '2025-00-10', '2025-02-29', '2024-02-30', '2025-04-31', '2025-01-00', '2025-01-32', '+02025-01-05'])(
    'rejects %j',
    (day) => {
      expect(() => promptOfTheDay(day)).toThrow(RangeError);
    },
  );

  it('accepts early years as written', () => {
    expect(PROMPTS).toContain(promptOfTheDay('0050-03-01'));
    expect(promptOfTheDay('0050-03-01')).not.toBe(promptOfTheDay('0050-03-02'));
  });
});
