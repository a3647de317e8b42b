// A keep-alive HTTP client for the benchmarks: timed GETs, latency percentiles, and a closed-loop req/s run.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Response {
  status: number;
  body: string;
  ms: number;
}

export function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return request('GET', base, path, headers);
}

export function request(method: string, base: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      { agent, method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: payload ? { ...headers, 'content-type': 'application/json' } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

/** Closed loop: `concurrency` clients each send the next request as soon as the last one answers, for `seconds`. */
export async function throughput(base: string, path: () => string, headers: Record<string, string>, concurrency: number, seconds: number): Promise<{ rps: number; errors: number; latency: Latency; cpuMs: number }> {
  const until = performance.now() + seconds * 1000;
  const samples: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const r = await get(base, path(), headers);
        if (r.status !== 200) errors++;
        samples.push(r.ms);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { rps: samples.length / ((performance.now() - t0) / 1000), errors, latency: latency(samples), cpuMs: (cpu.user + cpu.system) / 1000 / samples.length };
}
