import { describe, expect, it } from 'vitest';
import { isLicenceCurrent, therapistMatches, type TherapistFacts } from './licences.ts';
import { isUsState, US_STATES } from './states.ts';

describe('isLicenceCurrent', () => {
  const licence = { state: 'TX', expiresOn: '2027-03-31' };
  it('is current through its expiry day and not after', () => {
    expect(isLicenceCurrent(licence, '2026-12-03')).toBe(true);
    expect(isLicenceCurrent(licence, '2027-03-31')).toBe(true);
    expect(isLicenceCurrent(licence, '2027-04-01')).toBe(false);
  });
});

describe('therapistMatches', () => {
  const therapist: TherapistFacts = {
    licences: [
      { state: 'TX', expiresOn: '2027-06-30' },
      { state: 'OK', expiresOn: '2026-11-30' },
    ],
    seesIndividuals: false,
    seesCouples: true,
    approaches: ['gottman', 'eft'],
  };
  const q = { state: 'TX', kind: 'couple' as const, onDate: '2026-12-03' };

  it('matches a couple in a state where the licence is current', () => {
    expect(therapistMatches(therapist, q)).toBe(true);
  });
  it('does not match a state without a licence', () => {
    expect(therapistMatches(therapist, { ...q, state: 'CA' })).toBe(false);
  });
  it('does not match where the only licence has expired', () => {
    expect(therapistMatches(therapist, { ...q, state: 'OK' })).toBe(false);
  });
  it('does not match a kind of client they do not see', () => {
    expect(therapistMatches(therapist, { ...q, kind: 'individual' })).toBe(false);
    expect(therapistMatches({ ...therapist, seesCouples: false, seesIndividuals: true }, q)).toBe(false);
  });
  it('filters by approach only when one is asked for', () => {
    expect(therapistMatches(therapist, { ...q, approach: 'eft' })).toBe(true);
    expect(therapistMatches(therapist, { ...q, approach: 'ifs' })).toBe(false);
  });
});

describe('US states', () => {
  it('lists the fifty states and DC, each code once', () => {
    expect(US_STATES).toHaveLength(51);
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(51);
  });
  it('accepts upper-case codes only', () => {
    expect(isUsState('TX')).toBe(true);
    expect(isUsState('DC')).toBe(true);
    expect(isUsState('tx')).toBe(false);
    expect(isUsState('PR')).toBe(false);
    expect(isUsState('')).toBe(false);
  });
});
