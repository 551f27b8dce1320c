/**
 * A client for the app in-process (Fastify's inject) that keeps cookies between requests like a
 * browser tab and sends Origin on writes — used by the tests and by `npm run demo`, so both go
 * through the real HTTP API (validation, CSRF, policy) rather than around it.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** Keeps cookies between requests like a browser tab, and sends Origin on writes. */
export class Agent {
  readonly cookies = new Map<string, string>();
  /** Each agent is its own device, with its own address (rate limits are per address). */
  readonly ip = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
  constructor(
    private readonly app: FastifyInstance,
    private readonly origin: string = 'http://localhost:3000',
  ) {}

  async request(opts: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookies.size && !('cookie' in headers)) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const method = (opts.method ?? 'GET').toString().toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !('origin' in headers)) headers.origin = this.origin;
    const res = await this.app.inject({ remoteAddress: this.ip, ...opts, headers });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: body === undefined ? undefined : (body as object), headers });
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PATCH', url, payload: body as object, headers });
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PUT', url, payload: body as object, headers });
  }
}
