// A closed-loop HTTP load generator in a process of its own (child_process.fork), so that the clients share neither the
// server's event loop nor its CPU accounting: autocannon keeps `concurrency` keep-alive connections POSTing text/plain
// bodies to one path for `seconds`, and the child sends back { ok, errors, seconds, clientCpuMicros }. Bodies: 'batch'
// (a fixed body) or 'single' (one page view; autocannon puts a fresh id in each request's visitor).
// autocannon rather than node:http: its clients spent 40–55 µs of CPU per request against node:http's 60–80 µs, and on a
// two-core machine every microsecond the clients use is one the server under test does not get.
import autocannon from 'autocannon';

const { port, path, origin, seconds, concurrency, mode, siteKey, batch } = JSON.parse(process.argv[2]);
const page = { type: 'page', url: `${origin}/p/7?utm_source=bench`, title: 'Page 7', referrer: `${origin}/` };
const body = mode === 'batch' ? batch : JSON.stringify({ site: siteKey, visitor: 'bench-visitor-[<id>]', events: [page] });

const t0 = performance.now();
const result = await autocannon({
  url: `http://127.0.0.1:${port}${path}`,
  method: 'POST',
  headers: { 'content-type': 'text/plain', origin },
  body,
  idReplacement: mode !== 'batch',
  connections: concurrency,
  duration: seconds,
});
const elapsed = (performance.now() - t0) / 1000;
const ok = result['2xx'];
const errors = result.non2xx + result.errors + result.timeouts;
const c = process.cpuUsage();
process.send({ ok, errors, seconds: Math.min(elapsed, result.duration), clientCpuMicros: (c.user + c.system) / Math.max(1, ok + errors) }, () => process.exit(0));
