// Kill and resume: an import whose worker dies (between batches, or inside a batch's transaction) is picked up again
// when its job lock expires and ends with exactly the file's people: nothing lost, nothing written twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { runImport } from './run-import.js';
import { CSV, upload } from './import-test-helpers.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const ROWS = 1000;
/** Every 100th row repeats the person of the row before it (same email), so the file holds 990 people; each file
 * has its own mobile numbers, or its people would match another test's contacts by phone. */
function file(domain: string, mobilePrefix: string): string {
  const lines = ['Name,Email,Phone,Company'];
  for (let i = 1; i <= ROWS; i++) {
    const n = i % 100 === 0 ? i - 1 : i;
    lines.push(`Person ${n},p${n}@${domain},+86 ${mobilePrefix}${String(n).padStart(8, '0')},Company ${n % 7}`);
  }
  return lines.join('\n');
}
const PEOPLE = ROWS - ROWS / 100;

async function contactsOf(domain: string) {
  const k = t.app.db.kysely;
  const rows = await k.selectFrom('contacts').select(['id', 'primaryEmail']).where('primaryEmail', 'like', `%@${domain}`).execute();
  const indexed = await k.selectFrom('searchIndex').select('entityId').where('entity', '=', 'contact').where('entityId', 'in', rows.length ? rows.map((r) => r.id) : ['-']).execute();
  return { contacts: rows.length, distinctEmails: new Set(rows.map((r) => r.primaryEmail)).size, indexed: indexed.length };
}

/** Makes the import's job look like one a worker claimed and then died with: running, lock expired. */
async function abandonJob(jobId: string) {
  await t.app.db.kysely.updateTable('jobs').set({ status: 'running', lockedUntil: new Date(Date.now() - 1000).toISOString() }).where('id', '=', jobId).execute();
}

describe('import crash and resume', () => {
  it('resumes after deaths between batches and inside a batch, ending with exactly one contact per person', async () => {
    process.env.RAPPORT_IMPORT_BATCH = '100';
    try {
      const up = await upload(t, file('resume.test', '139'), CSV);
      const started = await t.json('POST', `/api/v1/imports/${up.body.id}/start`, t.admin, {});
      const jobId = started.body.jobId as string;
      await abandonJob(jobId);

      // First worker: dies inside the transaction of its second batch (the batch rolls back with its checkpoint).
      const neverCancelled = async () => false;
      await expect(runImport(t.app.db, up.body.id, { checkpoint: async () => {}, cancelled: neverCancelled, beforeCommit: (n) => { if (n === 2) throw new Error('killed mid-batch'); } })).rejects.toThrow('killed mid-batch');
      let imp = (await t.json('GET', `/api/v1/imports/${up.body.id}`, t.admin)).body;
      expect(imp).toMatchObject({ status: 'running', progress: { rowsDone: 100 } });
      expect((await contactsOf('resume.test')).contacts).toBe(99); // row 100 repeats row 99

      // Second worker: dies right after committing three more batches, before it can do anything else.
      let checkpoints = 0;
      await expect(runImport(t.app.db, up.body.id, { checkpoint: async () => { if (++checkpoints === 3) throw new Error('killed after commit'); }, cancelled: neverCancelled })).rejects.toThrow('killed after commit');
      imp = (await t.json('GET', `/api/v1/imports/${up.body.id}`, t.admin)).body;
      expect(imp.progress.rowsDone).toBe(400);
      expect(imp.progress.percent).toBeGreaterThan(0);

      // The server comes back: its worker finds the job with an expired lock and finishes it from the checkpoint.
      await t.app.worker.drain();
      imp = (await t.json('GET', `/api/v1/imports/${up.body.id}`, t.admin)).body;
      expect(imp).toMatchObject({ status: 'done', progress: { rowsDone: ROWS, created: PEOPLE, duplicates: ROWS / 100, failed: 0, companiesCreated: 7 } });
      expect(await contactsOf('resume.test')).toEqual({ contacts: PEOPLE, distinctEmails: PEOPLE, indexed: PEOPLE });
      expect((await t.json('GET', `/api/v1/jobs/${jobId}`, t.admin)).body).toMatchObject({ status: 'done', progress: { rowsDone: ROWS } });
      expect((await t.json('GET', '/api/v1/companies?q=company&limit=100', t.admin)).body.data).toHaveLength(7);
    } finally {
      delete process.env.RAPPORT_IMPORT_BATCH;
    }
  });

  it('cancels a queued import; it then writes nothing', async () => {
    const up = await upload(t, file('cancel.test', '138'), CSV);
    await t.json('POST', `/api/v1/imports/${up.body.id}/start`, t.admin, {});
    const cancelled = await t.json('POST', `/api/v1/imports/${up.body.id}/cancel`, t.admin);
    expect(cancelled.body.status).toBe('cancelled');
    await t.app.worker.drain();
    expect((await contactsOf('cancel.test')).contacts).toBe(0);
    expect((await t.json('POST', `/api/v1/imports/${up.body.id}/cancel`, t.admin)).status).toBe(409);
  });
});

describe('two workers on one import', () => {
  it('writes every row once when a second worker takes over a job whose first worker is only slow', async () => {
    process.env.RAPPORT_IMPORT_BATCH = '100';
    try {
      const up = await upload(t, file('twice.test', '137'), CSV);
      await t.json('POST', `/api/v1/imports/${up.body.id}/start`, t.admin, {});
      await t.app.db.kysely.updateTable('imports').set({ status: 'running' }).where('id', '=', up.body.id).execute();
      const hooks = { checkpoint: async () => {}, cancelled: async () => false };
      await Promise.all([runImport(t.app.db, up.body.id, hooks), runImport(t.app.db, up.body.id, hooks)]);
      const imp = (await t.json('GET', `/api/v1/imports/${up.body.id}`, t.admin)).body;
      expect(imp.progress).toMatchObject({ rowsDone: ROWS, created: PEOPLE });
      expect(await contactsOf('twice.test')).toEqual({ contacts: PEOPLE, distinctEmails: PEOPLE, indexed: PEOPLE });
    } finally {
      delete process.env.RAPPORT_IMPORT_BATCH;
    }
  });
});
