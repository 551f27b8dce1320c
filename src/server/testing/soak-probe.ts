/**
 * Loaded into the server process by the soak only (src/server/testing/soak.ts starts
 * `node --expose-gc --import tsx --import ./src/server/testing/soak-probe.ts src/server/main.ts`
 * with an IPC channel). On request it runs a full garbage collection and answers with the
 * process's memory figures, so the soak can compare the live JS heap, not just RSS.
 * Production never loads this file: nothing new is exposed over HTTP.
 */
interface HeapRequest {
  type: 'soak:heap';
  id: number;
}

if (typeof process.send === 'function') {
  process.on('message', (message: unknown) => {
    const m = message as Partial<HeapRequest> | null;
    if (!m || m.type !== 'soak:heap') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const u = process.memoryUsage();
    process.send!({ type: 'soak:heap', id: m.id, gc: Boolean(gc), heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers, rss: u.rss });
  });
}
