import { describe, expect, it } from 'vitest';
import { INVITE_CODE_ALPHABET, formatInviteCode, generateInviteCode, normaliseInviteCode } from './invite-code.ts';

describe('invite codes', () => {
  it('generates 10 characters from the unambiguous alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateInviteCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(c).not.toMatch(/[ILOU]/);
    }
  });

  it('maps every byte value evenly onto the 32 characters', () => {
    const seen = new Set<string>();
    for (let start = 0; start < 256; start += 10) for (const ch of generateInviteCode((b) => b.map((_, i) => (start + i) % 256))) seen.add(ch);
    expect(seen.size).toBe(32);
    expect(INVITE_CODE_ALPHABET).toHaveLength(32);
    expect(generateInviteCode((b) => b.fill(255))).toBe('ZZZZZZZZZZ');
    expect(generateInviteCode((b) => b.fill(32))).toBe('0000000000');
    expect(generateInviteCode((b) => b.map((_, i) => i + 8))).toBe('89ABCDEFGH');
  });

  it('shows a code as two groups of five', () => {
    expect(formatInviteCode('ABCDE12345')).toBe('ABCDE-12345');
  });

  it('forgives case, spaces, dashes and look-alike letters', () => {
    expect(normaliseInviteCode('abcde-12345')).toBe('ABCDE12345');
    expect(normaliseInviteCode('  AbCdE 1234 5 ')).toBe('ABCDE12345');
    expect(normaliseInviteCode('OoIiL-lxyz9')).toBe('00111' + '1XYZ9');
    expect(normaliseInviteCode('abcde–12345')).toBe('ABCDE12345');
    const code = generateInviteCode();
    expect(normaliseInviteCode(formatInviteCode(code).toLowerCase())).toBe(code);
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseInviteCode('')).toBeNull();
    expect(normaliseInviteCode('ABCDE1234')).toBeNull();
    expect(normaliseInviteCode('ABCDE123456')).toBeNull();
    expect(normaliseInviteCode('ABCDE1234U')).toBeNull();
    expect(normaliseInviteCode('ABCDE1234!')).toBeNull();
  });
});
