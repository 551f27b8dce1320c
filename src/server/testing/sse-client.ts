/**
 * A small Server-Sent Events client for tests: real HTTP against a listening app (node:http, one
 * socket of its own and no connection pool, so closing it leaves nothing open), with an Agent's
 * session cookie, collecting every `data:` hint and every comment line.
 */
import http from 'node:http';
import type { Agent } from '../http/inject-agent.ts';
import type { LiveEvent } from '../../core/schemas/realtime.ts';

export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: LiveEvent[];
  comments: string[];
  retry: number | undefined;
  /** The body, when the answer was not a stream (a problem). */
  body: string;
  /** Waits for the next hint after the ones already taken (rejects after `timeoutMs`). */
  next(timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openEventStream(baseUrl: string, agent?: Agent, path = '/api/v1/events'): Promise<SseStream> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (agent?.cookies.size) headers.cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, { headers, agent: false }, (res) => {
      let taken = 0;
      let buffer = '';
      let resolved = false;
      const waiters: Array<() => void> = [];
      let endedResolve!: () => void;
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        retry: undefined,
        body: '',
        next(timeoutMs = 5_000) {
          return new Promise<LiveEvent>((ok, fail) => {
            let timedOut = false;
            const timer = setTimeout(() => {
              timedOut = true;
              fail(new Error(`no live event within ${timeoutMs} ms`));
            }, timeoutMs);
            const check = () => {
              if (timedOut) return;
              if (stream.events.length > taken) {
                clearTimeout(timer);
                ok(stream.events[taken++]!);
              } else waiters.push(check);
            };
            check();
          });
        },
        ended: new Promise<void>((r) => (endedResolve = r)),
        close: () => req.destroy(),
      };
      const done = () => {
        endedResolve();
        if (!resolved) {
          resolved = true;
          resolve(stream);
        }
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (stream.status !== 200) {
          stream.body += chunk;
          return;
        }
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) stream.events.push(JSON.parse(line.slice(6)) as LiveEvent);
            else if (line.startsWith('retry: ')) stream.retry = Number(line.slice(7));
            else if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
          }
          // Connected once the first block (the retry hint) has arrived.
          if (!resolved) {
            resolved = true;
            resolve(stream);
          }
          for (const w of waiters.splice(0)) w();
        }
      });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (err) => reject(err));
  });
}
