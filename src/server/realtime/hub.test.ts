import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../core/schemas/realtime.ts';
import { EventHub } from './hub.ts';
import { EVENTS_CHANNEL, MAX_PAYLOAD_BYTES, encodeNotifications, parseNotification } from './wire.ts';

/** An in-memory engine: NOTIFY goes straight to the listeners (like one PGlite). */
function fakeEngine() {
  const listeners = new Set<(p: string) => void>();
  let reconnect: (() => void) | undefined;
  const sent: string[] = [];
  return {
    sent,
    reconnect: () => reconnect?.(),
    listening: () => listeners.size,
    engine: {
      notify: async (channel: string, payload: string) => {
        expect(channel).toBe(EVENTS_CHANNEL);
        sent.push(payload);
        for (const l of listeners) l(payload);
      },
      listen: async (_channel: string, on: (p: string) => void, hooks?: { onReconnect?: () => void }) => {
        listeners.add(on);
        reconnect = hooks?.onReconnect;
        return async () => void listeners.delete(on);
      },
    },
  };
}

const ids = { a: '0193a6b0-0000-7000-8000-00000000000a', b: '0193a6b0-0000-7000-8000-00000000000b', c: '0193a6b0-0000-7000-8000-00000000000c' };
const coupleId = '0193a6b0-0000-7000-8000-0000000000cc';

describe('EventHub', () => {
  it('delivers a hint only to the addressed people, to each of their open streams', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async () => [] });
    await hub.ready();
    const got: Record<string, LiveEvent[]> = { a1: [], a2: [], c: [] };
    hub.subscribe(ids.a, (e) => got.a1!.push(e));
    hub.subscribe(ids.a, (e) => got.a2!.push(e));
    hub.subscribe(ids.c, (e) => got.c!.push(e));
    await hub.publish([ids.a, ids.b], { type: 'couple' });
    expect(got).toEqual({ a1: [{ type: 'couple' }], a2: [{ type: 'couple' }], c: [] });
    expect(hub.localStreams).toBe(3);
  });

  it('unsubscribing stops delivery; one failing stream does not stop the others', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async () => [] });
    await hub.ready();
    const got: LiveEvent[] = [];
    const off = hub.subscribe(ids.a, () => {
      throw new Error('broken pipe');
    });
    hub.subscribe(ids.a, (e) => got.push(e));
    await hub.publish([ids.a], { type: 'checkin', coupleId });
    expect(got).toEqual([{ type: 'checkin', coupleId }]);
    off();
    expect(hub.localStreams).toBe(1);
  });

  it('publishToCouple addresses the current members with the couple id', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async (id) => (id === coupleId ? [ids.a, ids.b] : []) });
    await hub.publishToCouple(coupleId, { type: 'commitment' });
    expect(f.sent.map((p) => JSON.parse(p))).toEqual([{ v: 1, to: [ids.a, ids.b], event: { type: 'commitment', coupleId } }]);
    await hub.publishToCouple('0193a6b0-0000-7000-8000-0000000000dd', { type: 'commitment' });
    expect(f.sent).toHaveLength(1); // an ended or unknown couple: nothing sent
  });

  it('tells every open stream to resync after the listener reconnects', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async () => [] });
    await hub.ready();
    const got: LiveEvent[] = [];
    hub.subscribe(ids.a, (e) => got.push(e));
    hub.subscribe(ids.c, (e) => got.push(e));
    f.reconnect();
    expect(got).toEqual([{ type: 'resync' }, { type: 'resync' }]);
  });

  it('listens once, lazily, and stops on close', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async () => [] });
    expect(f.listening()).toBe(0);
    await Promise.all([hub.ready(), hub.ready()]);
    expect(f.listening()).toBe(1);
    await hub.close();
    expect(f.listening()).toBe(0);
    await expect(hub.ready()).rejects.toThrow(/closed/);
  });

  it('ignores garbage arriving on the channel', async () => {
    const f = fakeEngine();
    const hub = new EventHub(f.engine, { currentMembers: async () => [] });
    const got: LiveEvent[] = [];
    hub.subscribe(ids.a, (e) => got.push(e));
    for (const junk of ['', 'not json', '{}', 'null', '[]', JSON.stringify({ v: 1, to: [ids.a], event: { type: 'gossip' } }), JSON.stringify({ v: 2, to: [ids.a], event: { type: 'couple' } })]) {
      expect(() => hub.receive(junk)).not.toThrow();
    }
    hub.receive(42);
    expect(got).toEqual([]);
  });
});

describe('the NOTIFY payload', () => {
  it('carries only ids and the type: words are refused', () => {
    const [payload] = encodeNotifications([ids.a], { type: 'checkin', coupleId });
    expect(JSON.parse(payload!)).toEqual({ v: 1, to: [ids.a], event: { type: 'checkin', coupleId } });
    const withWords = { type: 'checkin', coupleId, text: 'I felt hurt today' } as unknown as LiveEvent;
    expect(() => encodeNotifications([ids.a], withWords)).toThrow();
    expect(parseNotification(JSON.stringify({ v: 1, to: [ids.a], event: { type: 'checkin', note: 'words' } }))).toBeUndefined();
  });

  it('splits many recipients so that every payload stays under PostgreSQL’s 8000-byte limit, each recipient once', () => {
    const many = Array.from({ length: 600 }, (_, i) => `0193a6b0-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const payloads = encodeNotifications([...many, ...many], { type: 'agreement' });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const all = payloads.flatMap((p) => parseNotification(p)!.to);
    expect(all).toEqual(many);
  });

  it('round-trips, and drops malformed ids', () => {
    const payloads = encodeNotifications([ids.a, 'x y; drop table', ids.b], { type: 'couple' });
    expect(payloads.map(parseNotification)).toEqual([{ to: [ids.a, ids.b], event: { type: 'couple' } }]);
    expect(encodeNotifications([], { type: 'couple' })).toEqual([]);
  });
});
