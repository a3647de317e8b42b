// Scheduled batch imports: from an HTTP(S) URL (a real local server the operator allowed) and from a file in the import
// folder, run now and when due.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactsMatching } from './import-test-helpers.js';

let t: TestApp;
let server: Server;
let base: string;
let served = 'Name,Email\nNina Simone,nina@feed.test\n';
const dir = mkdtempSync(path.join(tmpdir(), 'rapport-sched-'));

beforeAll(async () => {
  t = await startTestApp({ outboundAllow: '127.0.0.1', importDir: dir });
  server = createServer((req, res) => {
    if (req.url === '/export/contacts.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end(served);
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled imports', () => {
  it('imports from a URL every day: run now, then again when due, updating what changed', async () => {
    const s = await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'Nightly feed', object: 'contacts', source: { url: `${base}/export/contacts.csv` }, frequency: 'daily', atTime: '02:00' });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ jobType: 'import.scheduled', frequency: 'daily', nextRunAt: expect.stringMatching(/T02:00:00/) });
    const run = await t.json('POST', `/api/v1/imports/schedules/${s.body.id}/run`, t.admin);
    expect(run.status).toBe(202);
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/jobs/${run.body.id}`, t.admin)).body).toMatchObject({ status: 'done', result: { created: 1 } });
    expect(await contactsMatching(t, 'nina@feed')).toHaveLength(1);

    // Due now: the schedule poller enqueues it; the changed feed fills the new column.
    served = 'Name,Email,Job Title\nNina Simone,nina@feed.test,Singer\nOtis Redding,otis@feed.test,\n';
    await t.app.db.kysely.updateTable('schedules').set({ nextRunAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', s.body.id).execute();
    await t.app.worker.drain();
    const imports = (await t.json('GET', '/api/v1/imports', t.admin)).body.data.filter((i: any) => i.scheduleId === s.body.id);
    expect(imports).toHaveLength(2);
    expect(imports[0]).toMatchObject({ status: 'done', fileName: 'contacts.csv', progress: { created: 1, updated: 1 } });
    expect((await contactsMatching(t, 'nina@feed'))[0].title).toBe('Singer');
    expect((await t.json('GET', '/api/v1/imports/schedules', t.admin)).body.data[0].nextRunAt > new Date().toISOString()).toBe(true);
  });

  it('imports from a file in the import folder, reports a missing URL as a failed job, and checks its input', async () => {
    const file = path.join(dir, 'weekly.csv');
    writeFileSync(file, '姓名,手机\n周杰,13812345678\n');
    const s = await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: '周报', source: { path: file }, frequency: 'weekly', weekday: 1, atTime: '06:30', onMatch: 'skip' });
    expect(s.status).toBe(201);
    await t.json('POST', `/api/v1/imports/schedules/${s.body.id}/run`, t.admin);
    await t.app.worker.drain();
    expect((await contactsMatching(t, '周杰'))[0].phones).toEqual(['+8613812345678']);

    const missing = await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'gone', source: { url: `${base}/nope.csv` }, frequency: 'daily', atTime: '01:00' });
    const job = (await t.json('POST', `/api/v1/imports/schedules/${missing.body.id}/run`, t.admin)).body;
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin)).body).toMatchObject({ status: 'failed', error: expect.stringContaining('answered 404') });

    const bad = await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'x', source: { path: 'weekly.csv' }, frequency: 'weekly', atTime: '25:00' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['atTime']);
    // A name relative to the import folder works; one that is not there is refused when saved.
    expect((await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'rel', source: { path: 'weekly.csv' }, frequency: 'daily', atTime: '03:00' })).status).toBe(201);
    const gone = await t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'x', source: { path: 'relative.csv' }, frequency: 'daily', atTime: '03:00' });
    expect(gone).toMatchObject({ status: 422, body: { detail: 'There is no file relative.csv in the import folder', errors: [{ path: 'source.path' }] } });
    expect((await t.json('DELETE', `/api/v1/imports/schedules/${missing.body.id}`, t.admin)).status).toBe(204);
    expect((await t.json('DELETE', `/api/v1/imports/schedules/${missing.body.id}`, t.admin)).status).toBe(404);
  });
});
