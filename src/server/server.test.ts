// The server with its background worker running starts, serves and shuts down promptly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from './server.js';
import { engine } from './test/test-app.js';

describe.runIf(engine === 'sqlite')('server lifecycle', () => {
  it('closes without waiting out the worker poll intervals', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rapport-life-'));
    const app = await createServer({ databaseUrl: `sqlite:${path.join(dir, 'db.sqlite')}`, dataDir: dir, logLevel: 'silent', webDir: path.join(dir, 'none'), worker: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300)); // let every poller go idle
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    rmSync(dir, { recursive: true, force: true });
  });
});
