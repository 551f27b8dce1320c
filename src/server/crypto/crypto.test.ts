import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecryptError, open, seal } from './aead.ts';
import { deriveKey, loadServerKey } from './server-key.ts';

describe('AES-256-GCM sealing', () => {
  const key = crypto.randomBytes(32);

  it('round-trips text and uses a fresh nonce each time', () => {
    const a = seal(key, Buffer.from('my words'), 'u1:journal');
    const b = seal(key, Buffer.from('my words'), 'u1:journal');
    expect(a.equals(b)).toBe(false);
    expect(open(key, a, 'u1:journal').toString()).toBe('my words');
    expect(a.includes(Buffer.from('my words'))).toBe(false);
  });

  it('refuses a ciphertext under another owner or purpose (associated data)', () => {
    const s = seal(key, Buffer.from('x'), 'u1:journal');
    expect(() => open(key, s, 'u2:journal')).toThrow(DecryptError);
    expect(() => open(key, s, 'u1:notes')).toThrow(DecryptError);
  });

  it('detects tampering and the wrong key', () => {
    const s = seal(key, Buffer.from('hello'), 'aad');
    const tampered = Buffer.from(s);
    tampered[15] = tampered[15]! ^ 1;
    expect(() => open(key, tampered, 'aad')).toThrow(DecryptError);
    expect(() => open(crypto.randomBytes(32), s, 'aad')).toThrow(DecryptError);
    expect(() => open(key, Buffer.from([1, 2, 3]), 'aad')).toThrow(DecryptError);
  });
});

describe('server key', () => {
  it('creates a key file with mode 0600 on first start and reuses it after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-key-'));
    const first = loadServerKey({ dataDir: dir, allowKeyFile: true });
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadServerKey({ dataDir: dir, allowKeyFile: true });
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.id).toBe(first.id);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes TRELLIS_SECRET_KEY as base64 or hex, and requires it when key files are not allowed', () => {
    const raw = crypto.randomBytes(32);
    const fromB64 = loadServerKey({ envKey: raw.toString('base64'), dataDir: '/nonexistent', allowKeyFile: false });
    const fromHex = loadServerKey({ envKey: raw.toString('hex'), dataDir: '/nonexistent', allowKeyFile: false });
    expect(fromB64.key.equals(raw)).toBe(true);
    expect(fromHex.key.equals(raw)).toBe(true);
    expect(() => loadServerKey({ dataDir: '/nonexistent', allowKeyFile: false })).toThrow(/TRELLIS_SECRET_KEY is required/);
  });

  it('derives distinct sub-keys per purpose', () => {
    const k = { id: 'x', key: crypto.randomBytes(32) };
    expect(deriveKey(k, 'a').equals(deriveKey(k, 'b'))).toBe(false);
    expect(deriveKey(k, 'a').equals(deriveKey(k, 'a'))).toBe(true);
  });
});
