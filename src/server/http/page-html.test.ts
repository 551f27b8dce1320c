import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPageHtml, routeMatches, SESSION_PRELOAD } from './page-html.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-page-html-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const INDEX = '<!doctype html><html><head><title>Trellis</title></head><body><div id="root"></div></body></html>';
fs.writeFileSync(path.join(root, 'index.html'), INDEX);
fs.writeFileSync(
  path.join(root, 'route-preload.json'),
  JSON.stringify([
    { path: '/', signedIn: false, files: ['/assets/Landing-a1.js'] },
    { path: '/journal', signedIn: true, files: ['/assets/JournalList-b2.js', '/assets/zod-c3.js'] },
    { path: '/journal/new', signedIn: true, files: ['/assets/NewEntry-d4.js'] },
    { path: '/journal/:id', signedIn: true, files: ['/assets/EditEntry-e5.js'] },
    { path: '/p/:slug', signedIn: false, files: ['/assets/Book-f6.js', '"><script>alert(1)</script>'] },
  ]),
);
const html = createPageHtml(root);

describe('routeMatches', () => {
  it('matches whole segments, parameters by any non-empty segment', () => {
    expect(routeMatches('/', '/')).toBe(true);
    expect(routeMatches('/journal', '/journal')).toBe(true);
    expect(routeMatches('/journal', '/journal/')).toBe(true);
    expect(routeMatches('/journal', '/journals')).toBe(false);
    expect(routeMatches('/journal/:id', '/journal/0190a')).toBe(true);
    expect(routeMatches('/journal/:id', '/journal')).toBe(false);
    expect(routeMatches('/journal/:id', '/journal/a/b')).toBe(false);
  });
});

describe('the page HTML per route (docs/decisions/042)', () => {
  it("adds modulepreload links for the route's code before </head>", () => {
    const page = html('/journal', false);
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/JournalList-b2.js">');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/zod-c3.js">');
    expect(page.indexOf('JournalList-b2.js')).toBeLessThan(page.indexOf('</head>'));
    expect(page).not.toContain(SESSION_PRELOAD);
  });

  it('preloads the session check only for a signed-in page asked with a session cookie', () => {
    expect(html('/journal', true)).toContain(SESSION_PRELOAD);
    expect(html('/', true)).not.toContain(SESSION_PRELOAD);
    expect(html('/p/willow', true)).not.toContain(SESSION_PRELOAD);
  });

  it('prefers a static route over a parameter route, as the router does', () => {
    expect(html('/journal/new', false)).toContain('NewEntry-d4.js');
    expect(html('/journal/new', false)).not.toContain('EditEntry-e5.js');
    expect(html('/journal/0190abc', false)).toContain('EditEntry-e5.js');
  });

  it('leaves an unknown page as index.html, and never writes anything but an asset path', () => {
    expect(html('/no/such/page', true)).toBe(INDEX);
    const booking = html('/p/willow', false);
    expect(booking).toContain('Book-f6.js');
    expect(booking).not.toContain('<script>');
  });

  it('is index.html as is when the build has no route table', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-page-html-bare-'));
    fs.writeFileSync(path.join(bare, 'index.html'), INDEX);
    expect(createPageHtml(bare)('/journal', true)).toBe(INDEX);
    fs.rmSync(bare, { recursive: true, force: true });
  });
});
