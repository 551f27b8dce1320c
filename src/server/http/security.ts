import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';

/**
 * A strict Content-Security-Policy: scripts and styles only from our own origin, no inline
 * script, no framing, no referrer, no-store on every API response.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    // The API reference page brings its own hashed CSP (@fastify/swagger-ui staticCSP).
    if (!url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (opts.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (url.startsWith('/api/') || url.startsWith('/dev/')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie-authenticated writes to /api/v1: the browser must say the request
 * comes from our own origin (Origin, or Sec-Fetch-Site when Origin is absent). Combined with
 * SameSite=Lax cookies and JSON-only bodies (which need a CORS preflight cross-site), a page on
 * another site cannot make a signed-in person's browser write on their behalf.
 * better-auth applies the same origin check to /api/auth itself.
 */
export function registerCsrfCheck(app: FastifyInstance, opts: { trustedOrigins: string[] }) {
  const trusted = new Set(opts.trustedOrigins.map((o) => new URL(o).origin));
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/v1/')) return;
    if (!hasCookie(request)) return; // no ambient credentials, nothing to forge
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin !== '' && origin !== 'null') {
      if (trusted.has(origin)) return;
      throw new HttpProblem(403, 'csrf', 'This request came from another site and was refused.', [{ path: 'origin', message: 'Not a trusted origin' }]);
    }
    const site = request.headers['sec-fetch-site'];
    if (site === 'same-origin' || site === 'none') return;
    throw new HttpProblem(403, 'csrf', 'This request did not say where it came from and was refused.', [
      { path: 'origin', message: 'Missing Origin header' },
    ]);
  });
}

function hasCookie(request: FastifyRequest): boolean {
  return typeof request.headers.cookie === 'string' && request.headers.cookie.includes('trellis');
}
