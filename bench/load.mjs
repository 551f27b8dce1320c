/**
 * The load generator for bench/scale.ts, in its own process (never the server's event loop):
 * autocannon's programmatic API with a rotating list of per-request headers (one signed-in person
 * per request, for writes a person may make once a day) and bodies.
 * Input (a JSON file named by argv[2]): { url, method, connections, duration?, amount?, overallRate?, headers: [{…}], bodies?: [string], body? }
 * Output (stdout, JSON): { rps, p50, p99, errors, non2xx, total, statusCodes }.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let n = 0;
const opts = {
  url: spec.url,
  connections: spec.connections,
  ...(spec.duration ? { duration: spec.duration } : {}),
  ...(spec.amount ? { amount: spec.amount } : {}),
  ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
  requests: [
    {
      method: spec.method,
      setupRequest: (req) => {
        const i = n++;
        const headers = spec.headers[i % spec.headers.length];
        const body = spec.bodies ? spec.bodies[i % spec.bodies.length] : spec.body;
        return { ...req, headers: { ...req.headers, ...headers }, ...(body === undefined ? {} : { body }) };
      },
    },
  ],
};
const result = await autocannon(opts);
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statusCodes: result.statusCodeStats,
  }),
);
