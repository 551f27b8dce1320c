import { describe, expect, it } from 'vitest';
import { crisisResources, SUPPORTED_REGIONS, type CrisisResource } from './resources.ts';

const digits = (n: string) => n.replace(/[^\d]/g, '');

describe('crisisResources', () => {
  it('defaults to the US lines: 988, the National Domestic Violence Hotline, and 911', () => {
    const us = crisisResources();
    expect(us.region).toBe('US');
    expect(us.emergencyNumber).toBe('911');
    const lifeline = us.resources.find((r) => r.id === 'us-988');
    expect(lifeline).toMatchObject({ call: '988', text: '988' });
    const hotline = us.resources.find((r) => r.id === 'us-ndvh');
    expect(hotline).toMatchObject({ text: '88788', textBody: 'START' });
    expect(digits(hotline!.call!)).toBe('18007997233');
  });

  it.each([undefined, '', '  ', 'XX', 'Atlantis', 'en', 'fr-FR', '12'])('falls back to the US for %j', (region) => {
    expect(crisisResources(region).region).toBe('US');
  });

  it.each([
    ['GB', 'GB'],
    ['gb', 'GB'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['en-GB', 'GB'],
    ['en_gb', 'GB'],
    ['CA', 'CA'],
    ['fr-CA', 'CA'],
    ['en-US', 'US'],
    [' au ', 'AU'],
    ['en-NZ', 'NZ'],
  ])('reads %j as %s', (input, region) => {
    expect(crisisResources(input).region).toBe(region);
  });

  it('has the UK and Canadian lines we are sure of', () => {
    const gb = crisisResources('GB');
    expect(gb.emergencyNumber).toBe('999');
    expect(gb.resources.find((r) => r.id === 'gb-samaritans')?.call).toBe('116 123');
    const ca = crisisResources('CA');
    expect(ca.emergencyNumber).toBe('911');
    expect(ca.resources[0]).toMatchObject({ call: '988', text: '988' });
  });

  it('cannot be changed by a caller', () => {
    const us = crisisResources('US');
    expect(() => {
      (us.resources[0] as CrisisResource).call = '000';
    }).toThrow(TypeError);
    expect(crisisResources('US').resources[0]!.call).toBe('988');
  });
});

describe('the crisis-resources data', () => {
  it('lists each region once, US first', () => {
    expect(SUPPORTED_REGIONS[0]).toBe('US');
    expect(new Set(SUPPORTED_REGIONS).size).toBe(SUPPORTED_REGIONS.length);
    for (const code of SUPPORTED_REGIONS) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  for (const code of SUPPORTED_REGIONS) {
    it(`${code}: is complete and well formed`, () => {
      const info = crisisResources(code);
      expect(info.region).toBe(code);
      expect(info.regionName.trim()).not.toBe('');
      expect(info.emergencyNumber).toMatch(/^\d{3}$/);
      expect(info.resources.length).toBeGreaterThan(0);
      for (const r of info.resources) {
        expect(r.id).toMatch(new RegExp(`^${code.toLowerCase()}-[a-z0-9-]+$`));
        expect(r.name.trim()).not.toBe('');
        expect(r.description.length).toBeGreaterThan(20);
        expect(r.call ?? r.text ?? r.url, `${r.id} offers no way to reach it`).toBeDefined();
        if (r.call) expect(r.call).toMatch(/^[\d -]+$/);
        if (r.text) expect(r.text).toMatch(/^[\d -]+$/);
        if (r.textBody) expect(r.text, 'a text body needs a number to text').toBeDefined();
        if (r.url) expect(r.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/);
      }
    });
  }

  it('has unique resource ids across regions', () => {
    const ids = SUPPORTED_REGIONS.flatMap((c) => crisisResources(c).resources.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never promises an outcome or diagnoses in its descriptions', () => {
    for (const code of SUPPORTED_REGIONS) {
      for (const r of crisisResources(code).resources) {
        expect(r.description).not.toMatch(/\b(guarantee|will fix|cure|diagnos|you are suffering|you have a)\b/i);
      }
    }
  });
});
