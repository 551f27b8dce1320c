import { describe, expect, it } from 'vitest';
import { summarizeUserAgent } from './user-agent';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  samsungAndroid:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0',
  chromeOs:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('summarizeUserAgent', () => {
  it.each([
    ['chromeWindows', 'Chrome', 'Windows'],
    ['edgeWindows', 'Edge', 'Windows'],
    ['firefoxLinux', 'Firefox', 'Linux'],
    ['safariMac', 'Safari', 'macOS'],
    ['safariIphone', 'Safari', 'iPhone'],
    ['chromeIpad', 'Chrome', 'iPad'],
    ['samsungAndroid', 'Samsung Internet', 'Android'],
    ['firefoxAndroid', 'Firefox', 'Android'],
    ['chromeOs', 'Chrome', 'ChromeOS'],
  ] as const)('%s → %s on %s', (name, browser, os) => {
    expect(summarizeUserAgent(UA[name])).toEqual({ browser, os });
  });

  it('counts headless Chrome (automated tests) as Chrome', () => {
    expect(summarizeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36').browser).toBe('Chrome');
  });

  it('says nothing it cannot tell', () => {
    expect(summarizeUserAgent(null)).toEqual({ browser: undefined, os: undefined });
    expect(summarizeUserAgent('')).toEqual({ browser: undefined, os: undefined });
    expect(summarizeUserAgent('curl/8.5.0')).toEqual({ browser: undefined, os: undefined });
  });
});
