/**
 * The soak (docs/decisions/039): the real server as a child process, several verified and linked
 * couples made through the API and the mail the server sends, then mixed load at a moderate
 * rate for a while, with the server's memory sampled throughout. Used by `npm run soak`
 * (scripts/soak.ts, ten minutes) and by src/server/soak.int.test.ts (a short run in npm test).
 *
 * Memory: every `sampleMs` the soak reads the child's VmRSS from /proc/<pid>/status and asks the
 * child (over an IPC channel, through src/server/testing/soak-probe.ts, which only the soak loads)
 * for its JS heap after a full garbage collection. Growth compares the median of the first
 * `window` samples after warm-up (the first `warmupFraction` of the run) with the median of the
 * last `window` samples.
 *
 * Errors: every answer is checked against the status that request must get; a 5xx, a refused or
 * reset connection, any other status, or an error the server logs, counts as an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './server-process.ts';
import { SmtpCapture, firstUrl } from './smtp-capture.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SoakOptions {
  seconds: number;
  engine: 'pglite' | 'postgres';
  /** Required for engine postgres: a database the soak may fill (its own scratch database, say). */
  databaseUrl?: string;
  /** Linked couples to make (each person gets one worker). Default 4. */
  couples?: number;
  /** Pause of each worker between two requests, in ms (keeps the rate moderate). Default 60. */
  thinkMs?: number;
  /** How often memory is sampled, in ms. Default: every 10 s, or 30 samples a run if shorter. */
  sampleMs?: number;
  /** The share of the run treated as warm-up. Default 0.2. */
  warmupFraction?: number;
  /** Samples in each median (after warm-up, at the end). Default 5. */
  window?: number;
  /** Allowed growth, in percent. Default 10. */
  maxGrowthPct?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface MemorySample {
  atS: number;
  rssKb: number;
  /** JS heap in use right after a full GC, in KiB (null if the probe did not answer). */
  heapKb: number | null;
  /** Memory outside the JS heap (Buffers, WebAssembly memory) after that GC, in KiB. */
  externalKb: number | null;
}

export interface Growth {
  warmKb: number;
  endKb: number;
  pct: number;
}

export interface SoakResult {
  engine: string;
  seconds: number;
  people: number;
  requests: Record<string, number>;
  totalRequests: number;
  errors: number;
  /** The first few errors, described by method, route and status (never a body). */
  errorSamples: string[];
  serverErrorLogs: number;
  /** Page or asset 404s while another build replaced dist/web (not errors; see runSoak). */
  webRebuilt: number;
  samples: MemorySample[];
  rss: Growth;
  heap: Growth | null;
  maxGrowthPct: number;
  failures: string[];
  ok: boolean;
}

interface Person {
  email: string;
  password: string;
  cookie: string;
  entries: string[];
  urges: string[];
  wins: string[];
}

class Errors {
  count = 0;
  samples: string[] = [];
  add(what: string) {
    this.count++;
    if (this.samples.length < 20) this.samples.push(what);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Growth from the median of `window` samples after warm-up to the median of the last `window`. */
export function memoryGrowth(values: Array<{ atS: number; v: number }>, warmupS: number, window: number): Growth {
  const afterWarm = values.filter((s) => s.atS >= warmupS);
  if (afterWarm.length < window * 2) throw new Error(`too few memory samples after warm-up (${afterWarm.length}, need ${window * 2}): run longer or sample more often`);
  const warmKb = median(afterWarm.slice(0, window).map((s) => s.v));
  const endKb = median(afterWarm.slice(-window).map((s) => s.v));
  return { warmKb, endKb, pct: ((endKb - warmKb) / warmKb) * 100 };
}

function rssKbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error('no VmRSS in /proc status');
  return Number(m[1]);
}

interface Child {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  heap(): Promise<{ heapKb: number; externalKb: number } | null>;
}

/** The real server (node --import tsx src/server/main.ts), with the soak's heap probe and an IPC channel. */
async function startSoakServer(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', './src/server/testing/soak-probe.ts', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', BASE_URL: url, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Everything until the start line; after it, only lines at warn level or above (the parent's copy
  // of ten minutes of output would otherwise grow with the run).
  let out = '';
  let started = false;
  let partial = '';
  const take = (d: Buffer) => {
    if (!started) {
      out += d.toString();
      return;
    }
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const level = /"level":(\d+)/.exec(line);
      if (!level || Number(level[1]) >= 40) out += `${line}\n`;
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    const check = () => {
      if (!started && out.includes('Trellis is running at')) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited during start:\n${out}`));
    });
  });
  let nextId = 1;
  const heap = () =>
    new Promise<{ heapKb: number; externalKb: number } | null>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        resolve(null);
      }, 5_000);
      const onMessage = (m: { type?: string; id?: number; gc?: boolean; heapUsed?: number; external?: number }) => {
        if (m?.type !== 'soak:heap' || m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m.gc ? { heapKb: Math.round(m.heapUsed! / 1024), externalKb: Math.round(m.external! / 1024) } : null);
      };
      child.on('message', onMessage);
      child.send({ type: 'soak:heap', id });
    });
  return { child, url, output: () => out, exited, heap };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

/** Runs the soak and returns its figures; never throws for a failed criterion (see `ok`, `failures`). */
export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? (() => {});
  const couples = opts.couples ?? 4;
  const thinkMs = opts.thinkMs ?? 60;
  const sampleMs = opts.sampleMs ?? Math.min(10_000, Math.round((opts.seconds * 1000) / 30));
  const warmupFraction = opts.warmupFraction ?? 0.2;
  const window = opts.window ?? 5;
  const maxGrowthPct = opts.maxGrowthPct ?? 10;
  if (opts.engine === 'postgres' && !opts.databaseUrl) throw new Error('the postgres soak needs a database URL');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-soak-'));
  const smtp = await new SmtpCapture().start();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    // All the soak's people share one address: the per-address limits on sign-up and sign-in
    // would refuse its set-up. Rate limits have their own tests.
    RATE_LIMIT: 'false',
    ...(opts.engine === 'postgres' ? { DATABASE_URL: opts.databaseUrl! } : {}),
  };
  const server = await startSoakServer(env);
  const base = server.url;
  const origin = new URL(base).origin;
  const errors = new Errors();
  const requests: Record<string, number> = {};

  /** One request, checked against the status it must get; returns the parsed body (or text). */
  async function call(kind: string, person: Person | null, method: string, url: string, expected: number | number[], body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; json: any; text: string; headers: Headers } | null> {
    requests[kind] = (requests[kind] ?? 0) + 1;
    const headers: Record<string, string> = { ...extra };
    if (person) headers.cookie = person.cookie;
    if (method !== 'GET') headers.origin = origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      errors.add(`${kind}: ${method} ${routeOf(url)} connection error ${cause}`);
      return null;
    }
    const text = await res.text();
    const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
    if (!ok) {
      let type = '';
      try {
        type = String((JSON.parse(text) as { type?: string }).type ?? '');
      } catch {
        /* not a problem document */
      }
      errors.add(`${kind}: ${method} ${routeOf(url)} answered ${res.status}${type ? ` (${type})` : ''}`);
      return null;
    }
    let json: any = null;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
    return { status: res.status, json, text, headers: res.headers };
  }

  const failures: string[] = [];
  const people: Person[] = [];
  const samples: MemorySample[] = [];
  let webRebuilt = 0;
  let stop = false;
  try {
    // --- Set-up: sign up, verify through the mail, sign in, link with an invite code, check in.
    const setupStarted = Date.now();
    for (let i = 0; i < couples * 2; i++) {
      const email = `soak-${i}-${crypto.randomBytes(4).toString('hex')}@example.com`;
      const password = `soak passphrase ${crypto.randomBytes(6).toString('hex')}`;
      const up = await call('setup: sign-up', null, 'POST', '/api/auth/sign-up/email', 200, { email, password, name: `Soak ${i}` });
      if (!up) throw new Error(`set-up failed: ${errors.samples.join('; ')}`);
      const mail = await smtp.waitFor(email, /confirm/i, 30_000);
      const link = new URL(firstUrl(mail.text));
      const verified = await call('setup: verify', null, 'GET', link.pathname + link.search, [200, 302]);
      if (!verified) throw new Error(`set-up failed: ${errors.samples.join('; ')}`);
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email, password }) });
      requests['setup: sign-in'] = (requests['setup: sign-in'] ?? 0) + 1;
      if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status}`);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .join('; ');
      people.push({ email, password, cookie, entries: [], urges: [], wins: [] });
    }
    for (let c = 0; c < couples; c++) {
      const [a, b] = [people[c * 2]!, people[c * 2 + 1]!];
      const inv = await call('setup: invite', a, 'POST', '/api/v1/couple/invites', 201);
      const joined = inv && (await call('setup: join', b, 'POST', '/api/v1/couple/join', [200, 201], { code: inv.json.code }));
      if (!joined) throw new Error(`linking failed: ${errors.samples.join('; ')}`);
      for (const p of [a, b]) {
        if (!(await call('setup: check-in', p, 'POST', '/api/v1/checkins', 201, { mood: 3, timeZone: 'UTC' }))) throw new Error(`check-in failed: ${errors.samples.join('; ')}`);
      }
    }
    log(`set-up: ${people.length} people in ${couples} linked couples, ${Math.round((Date.now() - setupStarted) / 1000)} s`);

    // The web page and one of its assets (the built app, when there is one). Another `vite build`
    // in the same checkout replaces dist/web while it runs (new asset names, index.html missing for
    // a moment): a 404 for the page or an asset is then left out of the errors and counted apart,
    // but only when index.html really changed since the asset was read from it.
    const indexFile = path.join(root, 'dist/web/index.html');
    const builtAt = () => {
      try {
        return fs.statSync(indexFile).mtimeMs;
      } catch {
        return -1;
      }
    };
    let web = { asset: null as string | null, builtAt: builtAt() };
    const readPage = async () => {
      const seen = builtAt();
      const html = await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text();
      web = { asset: /(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/.exec(html)?.[1] ?? null, builtAt: seen };
    };
    await readPage();
    if (!web.asset) log('no built web app (dist/web): the static-asset request is left out');
    const webRequest = async (kind: string, url: string) => {
      const seen = web.builtAt;
      requests[kind] = (requests[kind] ?? 0) + 1;
      let res: Response;
      try {
        res = await fetch(`${base}${url}`, { headers: { accept: kind === 'web page' ? 'text/html' : '*/*' } });
      } catch (err) {
        errors.add(`${kind}: GET ${url} connection error ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name}`);
        return;
      }
      await res.arrayBuffer();
      if (res.status === 200) return;
      if (res.status === 404 && builtAt() !== seen) {
        webRebuilt++;
        await sleep(2_000);
        await readPage().catch(() => {});
        return;
      }
      errors.add(`${kind}: GET ${url} answered ${res.status}`);
    };

    // --- The load.
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    const nowIso = () => new Date(Date.now() - 60_000).toISOString();
    const words = ['a walk', 'the kitchen', 'a long call', 'the drive home', 'dinner', 'a message'];
    const ops: Array<[number, (p: Person) => Promise<unknown>]> = [
      [6, async (p) => {
        const r = await call('journal create', p, 'POST', '/api/v1/journal/entries', 201, { kind: 'quick_capture', occurredAt: nowIso(), timeZone: 'UTC', whatHappened: `Soak note about ${pick(words)}` });
        if (r) p.entries.push(r.json.entry.id);
        // Keep each person's journal bounded: the soak looks for leaks, not for a growing data set.
        while (p.entries.length > 25) await call('journal delete', p, 'DELETE', `/api/v1/journal/entries/${p.entries.shift()}`, 204);
      }],
      [8, (p) => call('journal list', p, 'GET', '/api/v1/journal/entries?limit=20', 200)],
      [6, async (p) => (p.entries.length ? call('journal get', p, 'GET', `/api/v1/journal/entries/${pick(p.entries)}`, 200) : undefined)],
      [4, async (p) => (p.entries.length ? call('journal patch', p, 'PATCH', `/api/v1/journal/entries/${pick(p.entries)}`, 200, { story: `Later about ${pick(words)}` }) : undefined)],
      [5, (p) => call('check-in today', p, 'GET', '/api/v1/checkins/today?timeZone=UTC', 200)],
      [3, (p) => call('check-in list', p, 'GET', '/api/v1/checkins?limit=20', 200)],
      [4, (p) => call('insights', p, 'GET', '/api/v1/insights', 200)],
      [3, async (p) => {
        const r = await call('urges create', p, 'POST', '/api/v1/urges', 201, { occurredAt: nowIso(), urge: 'Check the phone', fear: 'Being left', insteadDid: 'Went for a walk', actedOn: false });
        if (r) p.urges.push(r.json.item.id);
        while (p.urges.length > 15) await call('urges delete', p, 'DELETE', `/api/v1/urges/${p.urges.shift()}`, 204);
      }],
      [3, (p) => call('urges list', p, 'GET', '/api/v1/urges', 200)],
      [2, async (p) => {
        const r = await call('self-worth create', p, 'POST', '/api/v1/self-worth', 201, { kind: 'win', text: 'Asked for what I needed', day: new Date().toISOString().slice(0, 10) });
        if (r) p.wins.push(r.json.item.id);
        while (p.wins.length > 15) await call('self-worth delete', p, 'DELETE', `/api/v1/self-worth/${p.wins.shift()}`, 204);
      }],
      [3, (p) => call('self-worth list', p, 'GET', '/api/v1/self-worth', 200)],
      [5, (p) => call('couple state', p, 'GET', '/api/v1/couple', 200)],
      [4, (p) => call('coach analyze', p, 'POST', '/api/v1/coach/analyze', 200, { text: `You always ignore me when we talk about ${pick(words)}.` })],
      [5, (p) => call('profile', p, 'GET', '/api/v1/profile', 200)],
      [1, (p) => sseOnce(p)],
      [3, () => webRequest('web page', '/')],
      [3, async () => (web.asset ? webRequest('static asset', web.asset) : undefined)],
    ];
    const totalWeight = ops.reduce((s, [w]) => s + w, 0);
    const chooseOp = () => {
      let x = Math.random() * totalWeight;
      for (const [w, op] of ops) if ((x -= w) < 0) return op;
      return ops[ops.length - 1]![1];
    };

    /** Opens the live-updates stream, waits for its first bytes, holds it a moment and closes it. */
    function sseOnce(p: Person): Promise<void> {
      requests['events stream'] = (requests['events stream'] ?? 0) + 1;
      return new Promise((resolve) => {
        const req = http.get(`${base}/api/v1/events`, { headers: { accept: 'text/event-stream', cookie: p.cookie }, agent: false }, (res) => {
          if (res.statusCode !== 200) {
            errors.add(`events stream: GET /api/v1/events answered ${res.statusCode}`);
            res.resume();
            res.on('end', () => resolve());
            return;
          }
          res.once('data', () => {
            setTimeout(() => {
              req.destroy();
              resolve();
            }, 500 + Math.random() * 2_000);
          });
        });
        req.on('error', (err: NodeJS.ErrnoException) => {
          if (req.destroyed && err.code === 'ECONNRESET') return; // our own close
          errors.add(`events stream: connection error ${err.code ?? err.name}`);
          resolve();
        });
        req.setTimeout(15_000, () => {
          errors.add('events stream: no first bytes within 15 s');
          req.destroy();
          resolve();
        });
      });
    }

    const sampler = (async () => {
      await sleep(1_000); // the first requests under way
      while (!stop) {
        const atS = Math.round(seconds());
        const rssKb = rssKbOf(server.child.pid!);
        const h = await server.heap();
        samples.push({ atS, rssKb, heapKb: h?.heapKb ?? null, externalKb: h?.externalKb ?? null });
        log(`  t=${String(atS).padStart(4)} s  rss ${(rssKb / 1024).toFixed(1)} MiB  heap ${h ? (h.heapKb / 1024).toFixed(1) : '?'} MiB  external ${h ? (h.externalKb / 1024).toFixed(1) : '?'} MiB  requests ${Object.values(requests).reduce((a, b) => a + b, 0)}  errors ${errors.count}`);
        const next = Date.now() + sampleMs;
        while (!stop && Date.now() < next) await sleep(Math.min(250, next - Date.now()));
      }
    })();
    const workers = people.map(async (p) => {
      while (seconds() < opts.seconds) {
        await chooseOp()(p);
        await sleep(thinkMs * (0.5 + Math.random()));
      }
    });
    await Promise.all(workers);
    // One last sample at the very end.
    stop = true;
    await sampler;
    const atS = Math.round(seconds());
    const h = await server.heap();
    samples.push({ atS, rssKb: rssKbOf(server.child.pid!), heapKb: h?.heapKb ?? null, externalKb: h?.externalKb ?? null });
  } finally {
    stop = true;
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    const code = await server.exited;
    if (code !== 0) failures.push(`the server exited with ${code} on SIGTERM`);
    await smtp.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const warmupS = opts.seconds * warmupFraction;
  const rss = memoryGrowth(samples.map((s) => ({ atS: s.atS, v: s.rssKb })), warmupS, window);
  const heapSamples = samples.filter((s) => s.heapKb !== null);
  const heap = heapSamples.length === samples.length ? memoryGrowth(heapSamples.map((s) => ({ atS: s.atS, v: s.heapKb! })), warmupS, window) : null;
  const serverErrorLogs = countErrorLogs(server.output());
  const totalRequests = Object.values(requests).reduce((a, b) => a + b, 0);

  if (errors.count > 0) failures.push(`${errors.count} failed requests (first: ${errors.samples.slice(0, 5).join('; ')})`);
  if (serverErrorLogs > 0) failures.push(`the server logged ${serverErrorLogs} errors`);
  if (rss.pct > maxGrowthPct) failures.push(`RSS grew ${rss.pct.toFixed(1)} % (limit ${maxGrowthPct} %)`);
  if (!heap) failures.push('the heap probe did not answer every sample');
  else if (heap.pct > maxGrowthPct) failures.push(`the JS heap after GC grew ${heap.pct.toFixed(1)} % (limit ${maxGrowthPct} %)`);

  return {
    engine: opts.engine,
    seconds: opts.seconds,
    people: people.length,
    requests,
    totalRequests,
    errors: errors.count,
    errorSamples: errors.samples,
    serverErrorLogs,
    webRebuilt,
    samples,
    rss,
    heap,
    maxGrowthPct,
    failures,
    ok: failures.length === 0,
  };
}

/** A route with ids and query taken out (for error lines: no identifiers, no words). */
function routeOf(url: string): string {
  return url.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ':id');
}

/** Lines the server logged at level error or fatal (pino JSON: level ≥ 50). */
function countErrorLogs(output: string): number {
  let n = 0;
  for (const line of output.split('\n')) {
    const m = /"level":(\d+)/.exec(line);
    if (m && Number(m[1]) >= 50) n++;
  }
  return n;
}

/** The summary the script prints (and the test shows on failure). */
export function formatSoak(r: SoakResult): string {
  const mib = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;
  const lines = [
    `soak (${r.engine}): ${r.seconds} s, ${r.people} people, ${r.totalRequests} requests (${(r.totalRequests / r.seconds).toFixed(0)}/s), ${r.errors} errors, ${r.serverErrorLogs} server error logs${r.webRebuilt ? `, ${r.webRebuilt} page/asset 404s while dist/web was rebuilt by another build` : ''}`,
    ...Object.entries(r.requests)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `  ${k.padEnd(20)} ${String(v).padStart(7)}`),
    `memory samples (t s: RSS / heap after GC / external):`,
    ...r.samples.map((s) => `  ${String(s.atS).padStart(4)}: ${mib(s.rssKb)} / ${s.heapKb === null ? '?' : mib(s.heapKb)} / ${s.externalKb === null ? '?' : mib(s.externalKb)}`),
    `RSS:  warm ${mib(r.rss.warmKb)} → end ${mib(r.rss.endKb)}: ${r.rss.pct >= 0 ? '+' : ''}${r.rss.pct.toFixed(1)} % (limit ${r.maxGrowthPct} %)`,
    r.heap ? `heap: warm ${mib(r.heap.warmKb)} → end ${mib(r.heap.endKb)}: ${r.heap.pct >= 0 ? '+' : ''}${r.heap.pct.toFixed(1)} % (limit ${r.maxGrowthPct} %)` : 'heap: not measured',
    ...r.errorSamples.map((e) => `  error: ${e}`),
    r.ok ? 'PASS' : `FAIL: ${r.failures.join('; ')}`,
  ];
  return lines.join('\n');
}
