import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { ConfigError, loadConfig } from '../config.ts';

describe('config: VAPID and JOBS', () => {
  const pair = webpush.generateVAPIDKeys();
  it('accepts a generated pair and a subject; JOBS defaults to on', () => {
    const c = loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: 'mailto:ops@example.org' });
    expect(c.VAPID_PUBLIC_KEY).toBe(pair.publicKey);
    expect(c.JOBS).toBe('on');
    expect(loadConfig({ JOBS: 'off' }).JOBS).toBe('off');
  });
  it('names the field when only one key, a malformed key or a bad subject is given', () => {
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(ConfigError);
    expect(() => loadConfig({ VAPID_SUBJECT: 'ops@example.org' })).toThrow(/VAPID_SUBJECT/);
    expect(() => loadConfig({ JOBS: 'maybe' })).toThrow(/JOBS/);
  });
});
