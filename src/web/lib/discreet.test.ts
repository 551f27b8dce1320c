import { describe, expect, it } from 'vitest';
import { DISCREET_TITLE as PUSH_TITLE } from '../../core/schemas/notifications';
import { applyDiscreet, DISCREET_KEY, DISCREET_MANIFEST_HREF, DISCREET_TITLE, documentTitle, isDiscreet, MANIFEST_HREF, manifestHref, setDiscreet } from './discreet';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function fakeDoc(title = 'Trellis') {
  const link = { href: MANIFEST_HREF, setAttribute(name: string, value: string) {
    if (name === 'href') this.href = value;
  } };
  return { title, link, querySelector: (selector: string) => (selector === 'link[rel="manifest"]' ? link : null) };
}

describe('discreet mode', () => {
  it('is off unless this device stored it; blocked storage counts as off', () => {
    const store = memoryStore();
    expect(isDiscreet(store)).toBe(false);
    store.setItem(DISCREET_KEY, '1');
    expect(isDiscreet(store)).toBe(true);
    expect(isDiscreet({ getItem: () => null })).toBe(false);
    expect(isDiscreet({ getItem: () => { throw new Error('blocked'); } })).toBe(false);
  });

  it('gives the neutral title in discreet mode and the page title otherwise', () => {
    expect(documentTitle('Journal · Trellis', true)).toBe('Notes');
    expect(documentTitle('Journal · Trellis', false)).toBe('Journal · Trellis');
    expect(DISCREET_TITLE).toBe(PUSH_TITLE);
  });

  it('switches the manifest between the usual and the neutral one', () => {
    expect(manifestHref(false)).toBe('/manifest.webmanifest');
    expect(manifestHref(true)).toBe('/manifest-discreet.webmanifest');
  });

  it('switching on sets the title and manifest at once and remembers it; off puts the page title back', () => {
    const store = memoryStore();
    const doc = fakeDoc();
    doc.title = documentTitle('Settings · Trellis', false);
    setDiscreet(true, store, doc);
    expect(store.map.get(DISCREET_KEY)).toBe('1');
    expect(doc.title).toBe('Notes');
    expect(doc.link.href).toBe(DISCREET_MANIFEST_HREF);

    // A later page keeps the neutral title.
    doc.title = documentTitle('Journal · Trellis', isDiscreet(store));
    expect(doc.title).toBe('Notes');

    setDiscreet(false, store, doc);
    expect(store.map.has(DISCREET_KEY)).toBe(false);
    expect(doc.title).toBe('Journal · Trellis');
    expect(doc.link.href).toBe(MANIFEST_HREF);
  });

  it('applies the stored choice at start', () => {
    const doc = fakeDoc('Trellis');
    applyDiscreet(doc, true);
    expect(doc.title).toBe('Notes');
    expect(doc.link.href).toBe(DISCREET_MANIFEST_HREF);
  });
});
