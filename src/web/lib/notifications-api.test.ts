import { describe, expect, it } from 'vitest';
import { keyBytes } from './notifications-api';

describe('keyBytes', () => {
  it('decodes base64url (no padding, - and _) into the raw key bytes', () => {
    const raw = Uint8Array.from([0x04, 0xfb, 0xff, 0x3e, 0x00, 0x7f, 0xbf]);
    const b64url = Buffer.from(raw).toString('base64url');
    expect(b64url).toMatch(/[-_]/);
    expect(Array.from(keyBytes(b64url))).toEqual(Array.from(raw));
  });
  it('decodes a 65-byte P-256 public key', () => {
    const raw = new Uint8Array(65).map((_, i) => (i * 37) % 256);
    expect(keyBytes(Buffer.from(raw).toString('base64url'))).toHaveLength(65);
  });
});
