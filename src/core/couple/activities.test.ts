import { describe, expect, it } from 'vitest';
import library from '../../../content/activities/library.json' with { type: 'json' };
import { ACTIVITIES, ACTIVITY_LEVELS, activityById, byLevel, libraryProblems, loadActivities, textsOf, type Activity } from './activities.ts';

describe('the activity library (content/activities)', () => {
  it('has at least 12 activities with unique ids, and every level from 1 to 4', () => {
    expect(ACTIVITIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ACTIVITIES.map((a) => a.id)).size).toBe(ACTIVITIES.length);
    for (const level of ACTIVITY_LEVELS) expect(ACTIVITIES.some((a) => a.level === level), `level ${level}`).toBe(true);
    expect(libraryProblems(ACTIVITIES)).toEqual([]);
  });

  it('never uses diagnostic or promising wording', () => {
    const all = ACTIVITIES.flatMap(textsOf).join('\n');
    for (const phrase of [/will fix/i, /will heal/i, /guarantee/i, /diagnos/i, /cure/i]) expect(all).not.toMatch(phrase);
  });

  it('finds an activity by id and groups by level, easiest first', () => {
    expect(activityById('three-appreciations')?.level).toBe(1);
    expect(activityById('nope')).toBeUndefined();
    const groups = byLevel(ACTIVITIES);
    expect(groups.map((g) => g.level)).toEqual([1, 2, 3, 4]);
    expect(groups.flatMap((g) => g.activities)).toHaveLength(ACTIVITIES.length);
  });

  it('rejects a library with duplicates, a missing level, forbidden wording or a bad field', () => {
    const base = library as Activity[];
    const dup = [...base, { ...base[0]! }];
    expect(() => loadActivities(dup)).toThrow(/duplicate id "three-appreciations"/);
    expect(() => loadActivities(base.filter((a) => a.level !== 4).concat(base.filter((a) => a.level !== 4).slice(0, 3).map((a, i) => ({ ...a, id: `x-${i}` }))))).toThrow(/no activity at level 4/);
    const promising = base.map((a, i) => (i === 0 ? { ...a, summary: 'This will fix any argument.' } : a));
    expect(() => loadActivities(promising)).toThrow(/will fix/);
    expect(() => loadActivities(base.map((a, i) => (i === 2 ? { ...a, level: 5 } : a)))).toThrow(/2\.level/);
    expect(() => loadActivities(base.slice(0, 11))).toThrow(/\(root\)/);
  });
});
