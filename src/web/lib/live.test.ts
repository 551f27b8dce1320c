import { describe, expect, it } from 'vitest';
import { parseType } from './live';

describe('parseType (a live hint from the server)', () => {
  it('reads only the type of a hint', () => {
    expect(parseType('{"type":"couple"}')).toBe('couple');
    expect(parseType('{"type":"checkin","coupleId":"0193a6b0-0000-7000-8000-0000000000cc"}')).toBe('checkin');
  });
  it('ignores anything that is not a hint', () => {
    for (const junk of ['', 'not json', 'null', '[]', '{"kind":"couple"}', '{"type":3}', undefined, 7]) expect(parseType(junk)).toBeUndefined();
  });
});
