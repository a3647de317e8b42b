// The probe of issue 8 as regression tests: a scheduled import reads no server file outside RAPPORT_IMPORT_DIR (none at
// all when it is unset: not /etc/passwd, not the secret key, not through a symlink or ..) and fetches no internal URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { contactsMatching } from './import-test-helpers.js';

const schedule = (t: TestApp, source: object) => t.json('POST', '/api/v1/imports/schedules', t.admin, { name: 'probe', source, frequency: 'daily', atTime: '04:00' });

/** Saves a schedule with an honest source, then points it elsewhere, as a schedule saved before these guards would be. */
async function runWithSource(t: TestApp, honest: object, source: object) {
  const s = (await schedule(t, honest)).body;
  await t.app.db.kysely.updateTable('schedules').set({ payload: JSON.stringify({ ...(s.payload as object), source }) }).where('id', '=', s.id).execute();
  const job = (await t.json('POST', `/api/v1/imports/schedules/${s.id}/run`, t.admin)).body;
  await t.app.worker.drain();
  return (await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin)).body;
}

/** No import was made from what the probe asked for: nothing can show its headers or preview its rows. */
async function noImportOf(t: TestApp, fileName: string) {
  const imports = (await t.json('GET', '/api/v1/imports', t.admin)).body.data;
  expect(imports.filter((i: any) => i.fileName === fileName)).toEqual([]);
}

describe('with RAPPORT_IMPORT_DIR unset', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => t.close());

  it('refuses every server path, saying how to turn it on', async () => {
    for (const p of ['/etc/passwd', path.join(t.app.dataDir, 'secret.key'), 'feed.csv']) {
      const res = await schedule(t, { path: p });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        detail: 'Importing files from the server is off: the operator turns it on by setting RAPPORT_IMPORT_DIR to a folder, and only files in that folder can be imported',
        errors: [{ path: 'source.path' }],
      });
    }
  });

  it('refuses a URL on this machine when saved and when run', async () => {
    const res = await schedule(t, { url: 'http://127.0.0.1:9/export.csv' });
    expect(res).toMatchObject({ status: 422, body: { errors: [{ path: 'source.url' }] } });
    expect(res.body.detail).toContain('resolves to a loopback address (127.0.0.1), which Rapport does not fetch');
    const job = await runWithSource(t, { url: 'https://feed.example.invalid/x.csv' }, { path: '/etc/passwd' });
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('Importing files from the server is off') });
    expect(job.error).not.toContain('root:');
    await noImportOf(t, 'passwd');
  });
});

describe('with an import folder', () => {
  let t: TestApp;
  const folder = mkdtempSync(path.join(tmpdir(), 'rapport-import-dir-'));
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'rapport-elsewhere-'));
  let inside: Server;
  let internal: Server;
  let insideUrl: string;
  let internalHits = 0;

  beforeAll(async () => {
    t = await startTestApp({ importDir: folder, outboundAllow: '127.0.0.1' });
    writeFileSync(path.join(folder, 'feed.csv'), 'Name,Email\nGrace Hopper,grace@folder.test\n');
    writeFileSync(path.join(elsewhere, 'outside.csv'), 'Name,Email\nMallory,mallory@outside.test\n');
    mkdirSync(path.join(folder, 'sub'));
    symlinkSync('/etc/passwd', path.join(folder, 'passwd.csv'));
    symlinkSync(t.app.dataDir, path.join(folder, 'data'));
    symlinkSync(elsewhere, path.join(folder, 'elsewhere'));
    // A server on 127.0.0.2 (not allowed) standing for an internal service; the allowed one on 127.0.0.1 redirects to it.
    internal = createServer((_req, res) => {
      internalHits++;
      res.end('Name,Email\nSecret,secret@internal.test\n');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.2', r));
    const internalUrl = `http://127.0.0.2:${(internal.address() as AddressInfo).port}`;
    inside = createServer((req, res) => {
      if (req.url === '/export/people.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end('Name,Email\nKatherine Johnson,katherine@allowed.test\n');
      else if (req.url === '/bounce.csv') res.writeHead(302, { location: `${internalUrl}/people.csv` }).end();
      else res.writeHead(404).end('root:x:0:0:root:/root:/bin/bash');
    });
    await new Promise<void>((r) => inside.listen(0, '127.0.0.1', r));
    insideUrl = `http://127.0.0.1:${(inside.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([inside, internal].map((s) => new Promise((r) => s.close(r))));
    for (const d of [folder, elsewhere]) rmSync(d, { recursive: true, force: true });
  });

  it('imports a file in the folder, by absolute path or by name', async () => {
    const s = await schedule(t, { path: path.join(folder, 'feed.csv') });
    expect(s.status).toBe(201);
    await t.json('POST', `/api/v1/imports/schedules/${s.body.id}/run`, t.admin);
    await t.app.worker.drain();
    expect(await contactsMatching(t, 'grace@folder')).toHaveLength(1);
    expect((await schedule(t, { path: 'feed.csv' })).status).toBe(201);
  });

  it.each([
    ['/etc/passwd', () => '/etc/passwd'],
    ['the secret key in the data dir', () => path.join(t.app.dataDir, 'secret.key')],
    ['a file in another folder', () => path.join(elsewhere, 'outside.csv')],
    ['.. out of the folder', () => path.join(folder, '..', path.basename(elsewhere), 'outside.csv')],
    ['.. that would land inside', () => 'sub/../feed.csv'],
    ['a symlink to /etc/passwd', () => 'passwd.csv'],
    ['a file through a symlinked data dir', () => 'data/secret.key'],
    ['a file through a symlinked folder', () => path.join(folder, 'elsewhere', 'outside.csv')],
  ])('refuses %s', async (_what, p) => {
    const res = await schedule(t, { path: p() });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ detail: 'Only files inside the import folder (RAPPORT_IMPORT_DIR) can be imported', errors: [{ path: 'source.path' }] });
  });

  it('checks again at every run: a file swapped for a symlink to the secret key is refused, its content never shown', async () => {
    const secret = readFileSync(path.join(t.app.dataDir, 'secret.key'), 'utf8').trim();
    writeFileSync(path.join(folder, 'nightly.csv'), 'Name\nA\n');
    const s = (await schedule(t, { path: 'nightly.csv' })).body;
    unlinkSync(path.join(folder, 'nightly.csv'));
    symlinkSync(path.join(t.app.dataDir, 'secret.key'), path.join(folder, 'nightly.csv'));
    const job = (await t.json('POST', `/api/v1/imports/schedules/${s.id}/run`, t.admin)).body;
    await t.app.worker.drain();
    const done = (await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin)).body;
    expect(done).toMatchObject({ status: 'failed', error: 'Only files inside the import folder (RAPPORT_IMPORT_DIR) can be imported' });
    expect(JSON.stringify(done)).not.toContain(secret);
    await noImportOf(t, 'nightly.csv');
    const probe = await runWithSource(t, { path: 'feed.csv' }, { path: path.join(t.app.dataDir, 'secret.key') });
    expect(probe).toMatchObject({ status: 'failed', error: 'Only files inside the import folder (RAPPORT_IMPORT_DIR) can be imported' });
    await noImportOf(t, 'secret.key');
  });

  it('imports from an allowed server end to end, and refuses its redirect to an address that is not allowed', async () => {
    const s = await schedule(t, { url: `${insideUrl}/export/people.csv` });
    expect(s.status).toBe(201);
    await t.json('POST', `/api/v1/imports/schedules/${s.body.id}/run`, t.admin);
    await t.app.worker.drain();
    expect(await contactsMatching(t, 'katherine@allowed')).toHaveLength(1);

    const bounce = await schedule(t, { url: `${insideUrl}/bounce.csv` });
    expect(bounce.status).toBe(201); // the first hop is allowed; the redirect is only seen when it runs
    const job = (await t.json('POST', `/api/v1/imports/schedules/${bounce.body.id}/run`, t.admin)).body;
    await t.app.worker.drain();
    expect((await t.json('GET', `/api/v1/jobs/${job.id}`, t.admin)).body).toMatchObject({
      status: 'failed',
      error: 'The host 127.0.0.2 resolves to a loopback address (127.0.0.2), which Rapport does not fetch; an operator can allow it with RAPPORT_OUTBOUND_ALLOW',
    });
    expect(internalHits).toBe(0);
    expect(await contactsMatching(t, 'secret@internal')).toHaveLength(0);
  });

  it('never shows the body of an error page it fetched', async () => {
    const job = await runWithSource(t, { url: `${insideUrl}/export/people.csv` }, { url: `${insideUrl}/missing.csv` });
    expect(job).toMatchObject({ status: 'failed', error: `GET ${insideUrl}/missing.csv answered 404` });
    expect(JSON.stringify(job)).not.toContain('root:');
  });
});

describe('with an import folder around the data dir', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ importDir: tmpdir() })));
  afterAll(async () => t.close());

  it('refuses to read from it at all', async () => {
    const res = await schedule(t, { path: path.join(t.app.dataDir, 'secret.key') });
    expect(res).toMatchObject({ status: 422, body: { detail: "The import folder (RAPPORT_IMPORT_DIR) must not contain Rapport's data dir" } });
  });
});
