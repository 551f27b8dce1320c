import { describe, expect, it } from 'vitest';
import { requestHeaders, submissionKeys } from './api';

describe('submissionKeys', () => {
  it('keeps one key across retries of the same submission, and a new one when the body changes', () => {
    const keys = submissionKeys();
    const first = keys.keyFor({ mood: 3, note: 'hi' });
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys.keyFor({ mood: 3, note: 'hi' })).toBe(first);
    const changed = keys.keyFor({ mood: 4, note: 'hi' });
    expect(changed).not.toBe(first);
    // Back to the first body: that is a new submission now, not a retry of the old one.
    expect(keys.keyFor({ mood: 3, note: 'hi' })).not.toBe(first);
  });

  it('starts afresh after a success, even for the same body (e.g. two equal repairs on purpose)', () => {
    let n = 0;
    const keys = submissionKeys(() => `key-${++n}`);
    expect(keys.keyFor({ text: 'same' })).toBe('key-1');
    expect(keys.keyFor({ text: 'same' })).toBe('key-1');
    keys.done();
    expect(keys.keyFor({ text: 'same' })).toBe('key-2');
    expect(keys.keyFor(undefined)).toBe('key-3');
    expect(keys.keyFor(undefined)).toBe('key-3');
  });

  it('keeps separate forms apart', () => {
    const a = submissionKeys();
    const b = submissionKeys();
    expect(a.keyFor({ x: 1 })).not.toBe(b.keyFor({ x: 1 }));
  });
});

describe('requestHeaders', () => {
  it('sends Idempotency-Key only when given', () => {
    expect(requestHeaders({ body: { a: 1 }, idempotencyKey: 'k-1' })).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' });
    expect(requestHeaders({ body: { a: 1 } })).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(requestHeaders({ idempotencyKey: 'k-2' })).toEqual({ Accept: 'application/json', 'Idempotency-Key': 'k-2' });
    expect(requestHeaders({})).toEqual({ Accept: 'application/json' });
  });
});

describe('submissionKeys without crypto.randomUUID (an insecure context)', () => {
  it('still makes version 4 UUIDs', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = submissionKeys();
      const a = keys.keyFor({ a: 1 });
      keys.done();
      const b = keys.keyFor({ a: 1 });
      for (const k of [a, b]) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a).not.toBe(b);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
