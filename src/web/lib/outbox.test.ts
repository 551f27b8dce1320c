import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from './kv-store';
import { backoffMs, classifyStatus, Outbox, type OutboxEvent, type OutboxItem, type TransportResponse } from './outbox';

/** A fake server that remembers Idempotency-Keys, like ours does. */
function fakeServer() {
  const created = new Map<string, unknown>();
  let mode: 'up' | 'down' | 'error' | 'reject' | 'unauthorized' | 'lost-response' = 'up';
  const calls: string[] = [];
  const send = async (item: OutboxItem): Promise<TransportResponse> => {
    calls.push(item.id);
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'error') return { status: 503, body: undefined };
    if (mode === 'unauthorized') return { status: 401, body: { title: 'Unauthorized' } };
    if (mode === 'reject') return { status: 400, body: { title: 'Invalid', errors: [{ path: 'whatHappened', message: 'Too long.' }] } };
    if (!created.has(item.id)) created.set(item.id, item.body);
    if (mode === 'lost-response') throw new TypeError('network connection lost');
    return { status: 201, body: { entry: { id: `server-${item.id}` } } };
  };
  return {
    send,
    created,
    calls,
    set(next: typeof mode) {
      mode = next;
    },
  };
}

function setup(opts: { online?: () => boolean } = {}) {
  const store = memoryStore<OutboxItem>();
  const server = fakeServer();
  let clock = 1_000_000;
  let ids = 0;
  const rejected: Array<{ item: OutboxItem; response: TransportResponse }> = [];
  const outbox = new Outbox({
    store,
    send: server.send,
    now: () => clock,
    random: () => 0.5,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    isOnline: opts.online,
    onRejected: (item, response) => {
      rejected.push({ item, response });
    },
  });
  const events: OutboxEvent['type'][] = [];
  outbox.subscribe((event) => events.push(event.type));
  return {
    store,
    server,
    outbox,
    rejected,
    events,
    tick(ms: number) {
      clock += ms;
    },
  };
}

const entry = (text: string) => ({ userId: 'u1', collection: 'journal' as const, path: '/api/v1/journal/entries', body: { kind: 'quick_capture', whatHappened: text } });

describe('classifyStatus', () => {
  it('sorts responses into done, refused, try later and wait for sign-in', () => {
    expect([200, 201, 204].map(classifyStatus)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([400, 403, 404, 413, 415, 422].map(classifyStatus)).toEqual(Array(6).fill('rejected'));
    expect([0, 408, 409, 425, 429, 500, 502, 503].map(classifyStatus)).toEqual(Array(8).fill('retry'));
    expect(classifyStatus(401)).toBe('paused');
  });
});

describe('backoffMs', () => {
  it('doubles from 2 s up to 5 minutes, with jitter', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30, () => 0.5)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 1)).toBe(2400);
  });
});

describe('Outbox.submit', () => {
  it('sends at once when online and leaves nothing queued', async () => {
    const t = setup();
    const result = await t.outbox.submit(entry('first'));
    expect(result.status).toBe('sent');
    expect(t.server.created.size).toBe(1);
    expect(await t.outbox.pending('u1')).toEqual([]);
    expect(t.events).toEqual(['queued', 'delivered']);
  });

  it('uses the item id as the Idempotency-Key, so a lost response retried creates nothing twice', async () => {
    const t = setup();
    t.server.set('lost-response');
    const result = await t.outbox.submit(entry('words'));
    expect(result).toMatchObject({ status: 'queued', reason: 'offline' });
    expect(t.server.created.size).toBe(1); // the server did write it…
    t.server.set('up');
    const summary = await t.outbox.flush('u1', { force: true });
    expect(summary.delivered).toHaveLength(1);
    expect(t.server.created.size).toBe(1); // …and the retry did not write it again
    expect(t.server.calls).toEqual([result.item.id, result.item.id]);
    expect(await t.outbox.pending('u1')).toEqual([]);
  });

  it('keeps the item when the network is down, and sends it on the next flush', async () => {
    const t = setup();
    t.server.set('down');
    const a = await t.outbox.submit(entry('a'));
    const b = await t.outbox.submit(entry('b'));
    expect([a.status, b.status]).toEqual(['queued', 'queued']);
    expect((await t.outbox.pending('u1')).map((i) => (i.body as { whatHappened: string }).whatHappened)).toEqual(['a', 'b']);
    t.server.set('up');
    const summary = await t.outbox.flush('u1', { force: true });
    expect(summary).toMatchObject({ remaining: 0, paused: false });
    expect(summary.delivered.map((i) => i.id)).toEqual([a.item.id, b.item.id]);
    expect(t.server.created.size).toBe(2);
  });

  it('does not even try while the browser says it is offline', async () => {
    let online = false;
    const t = setup({ online: () => online });
    const result = await t.outbox.submit(entry('offline words'));
    expect(result).toMatchObject({ status: 'queued', reason: 'offline' });
    expect(t.server.calls).toEqual([]);
    expect((await t.outbox.pending('u1'))[0]?.attempts).toBe(0);
    online = true;
    expect((await t.outbox.flush('u1', { force: true })).delivered).toHaveLength(1);
  });

  it('reports a refused item to the form and drops it from the queue', async () => {
    const t = setup();
    t.server.set('reject');
    const result = await t.outbox.submit(entry('x'.repeat(20)));
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.response.status).toBe(400);
    expect(await t.outbox.pending('u1')).toEqual([]);
    // The form shows it; the background handler is only for items nobody is looking at.
    expect(t.rejected).toEqual([]);
  });

  it('keeps items while signed out and says so', async () => {
    const t = setup();
    t.server.set('unauthorized');
    const result = await t.outbox.submit(entry('later'));
    expect(result).toMatchObject({ status: 'queued', reason: 'signedOut' });
    expect(await t.outbox.pending('u1')).toHaveLength(1);
  });
});

describe('Outbox.flush', () => {
  it('backs off after server errors and respects it unless forced', async () => {
    const t = setup();
    t.server.set('error');
    await t.outbox.submit(entry('a'));
    const [item] = await t.outbox.pending('u1');
    expect(item).toMatchObject({ attempts: 1, lastFailure: 'server', nextAttemptAt: 1_000_000 + 2000 });

    expect(await t.outbox.flush('u1')).toMatchObject({ delivered: [], remaining: 1 });
    expect(t.server.calls).toHaveLength(1); // not due yet: not tried

    t.tick(2000);
    await t.outbox.flush('u1');
    expect(t.server.calls).toHaveLength(2);
    expect((await t.outbox.pending('u1'))[0]).toMatchObject({ attempts: 2, nextAttemptAt: 1_002_000 + 4000 });

    // The network coming back doesn't hurry an item the server itself failed on…
    await t.outbox.flush('u1', { force: 'network' });
    expect(t.server.calls).toHaveLength(2);
    // …but an explicit force does.
    t.server.set('up');
    expect((await t.outbox.flush('u1', { force: true })).delivered).toHaveLength(1);
  });

  it("retries network failures as soon as another request gets through ('network' force)", async () => {
    const t = setup();
    t.server.set('down');
    await t.outbox.submit(entry('a'));
    t.server.set('up');
    expect((await t.outbox.flush('u1')).delivered).toHaveLength(0);
    expect((await t.outbox.flush('u1', { force: 'network' })).delivered).toHaveLength(1);
  });

  it('stops at the first network failure, keeping order and every item', async () => {
    const t = setup();
    t.server.set('down');
    for (const text of ['a', 'b', 'c']) await t.outbox.submit(entry(text));
    const before = t.server.calls.length;
    const summary = await t.outbox.flush('u1', { force: true });
    expect(summary).toMatchObject({ remaining: 3, delivered: [] });
    expect(t.server.calls.length - before).toBe(1);
  });

  it('hands a refused item to onRejected (so its words become a draft) and carries on', async () => {
    const t = setup();
    t.server.set('down');
    await t.outbox.submit(entry('refused'));
    await t.outbox.submit(entry('fine'));
    let first = true;
    t.server.set('up');
    const original = t.server.send;
    const outbox = new Outbox({
      store: t.store,
      send: (item) => {
        if (first) {
          first = false;
          return Promise.resolve({ status: 422, body: { title: 'No' } });
        }
        return original(item);
      },
      onRejected: (item, response) => {
        t.rejected.push({ item, response });
      },
    });
    const summary = await outbox.flush('u1', { force: true });
    expect(summary.rejected.map((i) => (i.body as { whatHappened: string }).whatHappened)).toEqual(['refused']);
    expect(summary.delivered.map((i) => (i.body as { whatHappened: string }).whatHappened)).toEqual(['fine']);
    expect(t.rejected).toHaveLength(1);
    expect(t.rejected[0]?.response.status).toBe(422);
    expect(await outbox.pending('u1')).toEqual([]);
  });

  it('pauses on 401 and keeps everything for when the same person signs in again', async () => {
    const t = setup();
    t.server.set('down');
    await t.outbox.submit(entry('a'));
    await t.outbox.submit(entry('b'));
    t.server.set('unauthorized');
    const summary = await t.outbox.flush('u1', { force: true });
    expect(summary).toMatchObject({ paused: true, remaining: 2 });
    expect(await t.outbox.pending('u1')).toHaveLength(2);
  });

  it("never sends one account's items while another is signed in", async () => {
    const t = setup();
    t.server.set('down');
    await t.outbox.submit(entry('mine'));
    await t.outbox.submit({ ...entry('theirs'), userId: 'u2' });
    t.server.set('up');
    const summary = await t.outbox.flush('u2', { force: true });
    expect(summary.delivered.map((i) => i.userId)).toEqual(['u2']);
    expect(await t.outbox.pending('u1')).toHaveLength(1);
    expect(await t.outbox.pending('u2')).toHaveLength(0);
  });

  it('runs one flush at a time and sends nothing twice when flushes overlap', async () => {
    const t = setup();
    t.server.set('down');
    for (const text of ['a', 'b', 'c']) await t.outbox.submit(entry(text));
    t.server.set('up');
    const callsBefore = t.server.calls.length;
    await Promise.all([t.outbox.flush('u1', { force: true }), t.outbox.flush('u1', { force: true }), t.outbox.flush('u1', { force: true })]);
    await vi.waitFor(async () => expect(await t.outbox.pending('u1')).toEqual([]));
    expect(t.server.calls.length - callsBefore).toBe(3);
    expect(t.server.created.size).toBe(3);
  });

  it('skips an item another submit is sending right now', async () => {
    const store = memoryStore<OutboxItem>();
    let release: (r: TransportResponse) => void = () => {};
    const sent: string[] = [];
    const outbox = new Outbox({
      store,
      send: (item) => {
        sent.push(item.id);
        return new Promise((resolve) => {
          release = resolve;
        });
      },
      newId: () => 'k1',
    });
    const submitting = outbox.submit(entry('slow'));
    await vi.waitFor(() => expect(sent).toEqual(['k1']));
    const flushed = await outbox.flush('u1', { force: true });
    expect(flushed).toMatchObject({ delivered: [], remaining: 1 });
    release({ status: 201, body: {} });
    expect((await submitting).status).toBe('sent');
    expect(sent).toEqual(['k1']);
  });

  it('knows when the next item is due', async () => {
    const t = setup();
    expect(await t.outbox.nextAttemptAt('u1')).toBeUndefined();
    t.server.set('error');
    await t.outbox.submit(entry('a'));
    expect(await t.outbox.nextAttemptAt('u1')).toBe(1_002_000);
  });

  it('keeps items across a "reload" (a new Outbox on the same storage)', async () => {
    const t = setup();
    t.server.set('down');
    await t.outbox.submit(entry('survives'));
    const reopened = new Outbox({ store: t.store, send: fakeServer().send });
    expect((await reopened.pending('u1')).map((i) => (i.body as { whatHappened: string }).whatHappened)).toEqual(['survives']);
    expect((await reopened.flush('u1')).delivered).toHaveLength(1);
  });
});
