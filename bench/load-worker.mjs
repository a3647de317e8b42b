// A closed-loop HTTP load generator in a process of its own (child_process.fork), so that the clients share neither the
// server's event loop nor its CPU accounting: `concurrency` keep-alive clients POST text/plain bodies to one path for
// `seconds`, and the child sends back { ok, errors, seconds }. Bodies: 'batch' (a fixed body) or 'single' (one page view of a rotating visitor).
import http from 'node:http';

const { port, path, origin, seconds, concurrency, mode, siteKey, batch } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let v = 0;
const page = (i) => ({ type: 'page', url: `${origin}/p/${i % 50}?utm_source=bench`, title: `Page ${i % 50}`, referrer: `${origin}/` });
const body = mode === 'batch' ? () => batch : () => JSON.stringify({ site: siteKey, visitor: `bench-visitor-${(v++ % 5000).toString().padStart(6, '0')}`, events: [page(v)] });

function post(text) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, method: 'POST', hostname: '127.0.0.1', port, path, headers: { 'content-type': 'text/plain', origin } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(text);
  });
}

const t0 = performance.now();
const until = t0 + seconds * 1000;
let ok = 0;
let errors = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (performance.now() < until) {
    if ((await post(body())) === 202) ok++;
    else errors++;
  }
}));
agent.destroy();
process.send({ ok, errors, seconds: (performance.now() - t0) / 1000 }, () => process.exit(0));
