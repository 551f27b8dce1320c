import { describe, expect, it } from 'vitest';
import { changedFields } from './form';
import { hasMessage, t } from './i18n';
import { FALLBACK_QUICK_EXIT_URL, safeExitUrl } from './quick-exit';
import { groupInFours, secretFromOtpauthUri } from './totp';
import { timeZoneGroups, timeZoneLabel } from './time-zones';

describe('t', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(t('home.heading', { name: 'Sam' })).toBe('Welcome, Sam');
    expect(t('home.heading')).toBe('Welcome, {name}');
  });

  it('knows which keys exist', () => {
    expect(hasMessage('errors.codes.INVALID_CODE')).toBe(true);
    expect(hasMessage('errors.codes.NOT_A_CODE')).toBe(false);
    expect(hasMessage('errors.codes')).toBe(false);
  });
});

describe('safeExitUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeExitUrl(FALLBACK_QUICK_EXIT_URL)).toBe('https://www.weather.gov/');
    expect(safeExitUrl('https://example.org/news')).toBe('https://example.org/news');
    expect(safeExitUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeExitUrl('/home')).toBeUndefined();
    expect(safeExitUrl(42)).toBeUndefined();
  });
});

describe('TOTP setup helpers', () => {
  const uri = 'otpauth://totp/Trellis:sam%40example.com?secret=jbswy3dpehpk3pxpjbswy3dpehpk3pxp&issuer=Trellis&digits=6&period=30';

  it('reads the secret from an otpauth URI', () => {
    expect(secretFromOtpauthUri(uri)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(secretFromOtpauthUri('https://example.org/?secret=abc')).toBeUndefined();
    expect(secretFromOtpauthUri('otpauth://totp/x')).toBeUndefined();
  });

  it('groups a secret in fours', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupInFours('ABCDEF')).toBe('ABCD EF');
    expect(groupInFours('')).toBe('');
  });
});

describe('changedFields', () => {
  it('keeps only what changed', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({ b: 'y' });
    expect(changedFields({ a: null }, { a: 'Europe/Paris' })).toEqual({ a: 'Europe/Paris' });
  });
});

describe('timeZoneLabel', () => {
  it('reads nicely', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('America / Argentina / Buenos Aires');
  });
});

describe('timeZoneGroups', () => {
  it('groups zones by region, cities without the region, region-less zones last', () => {
    const groups = timeZoneGroups('Other', ['UTC', 'America/Chicago']);
    const america = groups.find((group) => group.id === 'America');
    expect(america?.options).toContainEqual({ id: 'America/Chicago', label: 'Chicago' });
    expect(groups.at(-1)).toEqual({ id: 'other', label: 'Other', options: [{ id: 'UTC', label: 'UTC' }] });
    expect(groups.flatMap((group) => group.options).filter((o) => o.id === 'America/Chicago')).toHaveLength(1);
  });
});
