import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has defaults for the embedded setup', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir.endsWith('data')).toBe(true);
    expect(c.RATE_LIMIT).toBe(true);
  });

  it('names each bad setting', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TRELLIS_SECRET_KEY: 'short', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'TRELLIS_SECRET_KEY', 'LOG_LEVEL']) expect(message).toContain(name);
    }
  });

  it('treats empty values as unset and derives the base URL from PORT', () => {
    const c = loadConfig({ PORT: '4000', SMTP_URL: '' });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.baseUrl).toBe('http://localhost:4000');
    expect(loadConfig({ BASE_URL: 'https://trellis.example.org/' }).baseUrl).toBe('https://trellis.example.org');
  });
});
