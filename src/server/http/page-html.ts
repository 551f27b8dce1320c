/**
 * The single page's HTML, per route (docs/decisions/042): index.html with modulepreload links for
 * the route's own code (from the build's route-preload.json, derived from src/web/router.tsx), so
 * the browser fetches a page's chunk alongside the entry rather than after the entry has run; and,
 * for a signed-in page requested with a session cookie, a preload of the session check the page
 * starts with. Built once per route and kept. Without a route table the page is index.html as is.
 */
import fs from 'node:fs';
import path from 'node:path';

interface RouteEntry {
  path: string;
  signedIn: boolean;
  files: string[];
}

const ASSET = /^\/assets\/[\w.-]+\.js$/;
/** What AppLayout asks first (src/web/lib/session.ts); same URL, mode and credentials as its fetch. */
export const SESSION_PRELOAD = '<link rel="preload" href="/api/auth/get-session" as="fetch" crossorigin>';

/** Whether a route pattern ("/journal/:id", "/") matches a path ("/journal/0190…"). */
export function routeMatches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return false;
  return want.every((segment, i) => (segment.startsWith(':') ? got[i]!.length > 0 : segment === got[i]));
}

export function createPageHtml(webRoot: string): (pathname: string, hasSessionCookie: boolean) => string {
  const index = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  let routes: RouteEntry[] = [];
  try {
    routes = JSON.parse(fs.readFileSync(path.join(webRoot, 'route-preload.json'), 'utf8')) as RouteEntry[];
  } catch {
    routes = [];
  }
  const built = new Map<string, string>();
  return (pathname, hasSessionCookie) => {
    // Static routes win over parameter routes ("/journal/new" over "/journal/:id"), as in the router.
    const route =
      routes.find((r) => !r.path.includes(':') && routeMatches(r.path, pathname)) ?? routes.find((r) => r.path.includes(':') && routeMatches(r.path, pathname));
    if (!route) return index;
    const withSession = route.signedIn && hasSessionCookie;
    const key = `${route.path}|${withSession}`;
    let html = built.get(key);
    if (html === undefined) {
      const links = route.files.filter((f) => ASSET.test(f)).map((f) => `<link rel="modulepreload" crossorigin href="${f}">`);
      if (withSession) links.unshift(SESSION_PRELOAD);
      html = links.length ? index.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) : index;
      built.set(key, html);
    }
    return html;
  };
}
