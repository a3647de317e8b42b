// Scheduled batch imports: a saved import definition (object, file path or HTTP(S) URL, mapping, on-match) that a
// daily/weekly schedule runs. Each run fetches the file into the data dir and imports it as a normal, checkpointed import.
import { mkdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { newId } from '../../../core/ids.js';
import { AppError } from '../../../core/errors.js';
import { copyFromImportFolder, resolveImportFile } from '../../../core/files/import-folder.js';
import { assertFetchableUrl } from '../../../core/net/outbound-policy.js';
import { safeFetch } from '../../../core/net/safe-fetch.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import type { Mapping } from './column-mapping.js';
import { createImport, startImport } from './import-service.js';
import type { ImportActor, OnMatch, UpdateMode } from './import-target.js';
import { runImport } from './run-import.js';
import { maxImportBytes } from './upload-file.js';

export const importSourceSchema = z.union([
  // A file in the operator's import folder (RAPPORT_IMPORT_DIR), absolute or relative to it.
  z.strictObject({ path: z.string().min(1).max(1000) }),
  z.strictObject({ url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000) }),
]);

export interface ScheduledImportPayload {
  object: string;
  source: { path: string } | { url: string };
  mapping?: Mapping;
  onMatch?: OnMatch;
  updateMode?: UpdateMode;
  actor: ImportActor;
  dir: string;
  scheduleId?: string;
}

/** Refuses, when the schedule is saved, a source no run could read: outside the import folder, or a private address. */
export async function checkImportSource(source: ScheduledImportPayload['source']): Promise<void> {
  if ('path' in source) await resolveImportFile(source.path, 'source.path');
  else await assertFetchableUrl(source.url, 'source.url');
}

/**
 * Brings the source file into the data dir: a copy of a file in the import folder, or a download through the
 * outbound guard (refused past the size limit). Both are checked again on every run.
 */
async function fetchSource(p: ScheduledImportPayload, id: string): Promise<{ file: string; name: string }> {
  await mkdir(p.dir, { recursive: true });
  if ('path' in p.source) {
    const name = path.basename(p.source.path);
    const file = path.join(p.dir, `${id}${path.extname(name) || '.csv'}`);
    await copyFromImportFolder(p.source.path, file);
    return { file, name };
  }
  const res = await safeFetch(p.source.url, { maxBytes: maxImportBytes(), timeoutMs: 10 * 60_000, field: 'source.url' });
  const url = res.url;
  if (res.status < 200 || res.status >= 300) {
    res.body.destroy();
    // Only the status: the body of whatever answered is never shown.
    throw new AppError('bad_request', `GET ${url.origin}${url.pathname} answered ${res.status}`);
  }
  const name = decodeURIComponent(url.pathname.split('/').pop() || 'download.csv');
  const xlsx = /\.xlsx$/i.test(name) || String(res.headers['content-type'] ?? '').includes('spreadsheetml');
  const file = path.join(p.dir, `${id}${xlsx ? '.xlsx' : '.csv'}`);
  try {
    await pipeline(res.body, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return { file, name };
}

registerJobHandler<ScheduledImportPayload>('import.scheduled', async ({ db, job, checkpoint, cancelled }) => {
  const p = job.payload;
  // A run that died after creating its import resumes that import instead of fetching the file again.
  let importId = job.progress.importId as string | undefined;
  if (!importId) {
    const id = newId();
    const { file, name } = await fetchSource(p, id);
    await createImport(db, { id, object: p.object, fileName: name, filePath: file, actor: p.actor, onMatch: p.onMatch, updateMode: p.updateMode, scheduleId: p.scheduleId ?? null });
    await startImport(db, id, { mapping: p.mapping, saveMapping: false }, { enqueue: false });
    await db.kysely.updateTable('imports').set({ jobId: job.id }).where('id', '=', id).execute();
    await checkpoint({ importId: id });
    importId = id;
  }
  const id = importId;
  return { importId: id, ...(await runImport(db, id, { checkpoint: (pr) => checkpoint({ importId: id, ...pr }), cancelled })) };
});
