import { describe, expect, it } from 'vitest';
import { registerMessages, t, type MessageKey } from './i18n';

describe('lazily registered catalogs', () => {
  it('answers a key of a catalog only once its page registered it', () => {
    const key = 'lazyTest.greeting' as MessageKey;
    expect(t(key)).toBe('lazyTest.greeting');
    (registerMessages as (n: string, m: object) => void)('lazyTest', { greeting: 'Hello, {name}' });
    expect(t(key, { name: 'Sam' })).toBe('Hello, Sam');
  });
  it('leaves the app catalog as it was', () => {
    expect(t('app.name')).toBe('Trellis');
  });
});
