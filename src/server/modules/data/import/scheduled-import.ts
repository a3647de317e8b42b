// Scheduled batch imports: a saved import definition (object, file path or HTTP(S) URL, mapping, on-match) that a
// daily/weekly schedule runs. Each run fetches the file into the data dir and imports it as a normal, checkpointed import.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { newId } from '../../../core/ids.js';
import { registerJobHandler } from '../../../core/jobs/job-queue.js';
import type { Mapping } from './column-mapping.js';
import { createImport, startImport } from './import-service.js';
import type { ImportActor, OnMatch, UpdateMode } from './import-target.js';
import { runImport } from './run-import.js';
import { maxImportBytes } from './upload-file.js';

export const importSourceSchema = z.union([
  z.strictObject({ path: z.string().min(1).max(1000).refine((p) => path.isAbsolute(p), 'an absolute path on the server') }),
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

/** Brings the source file into the data dir: a copy of a server path, or a download (refused past the size limit). */
async function fetchSource(p: ScheduledImportPayload, id: string): Promise<{ file: string; name: string }> {
  await mkdir(p.dir, { recursive: true });
  if ('path' in p.source) {
    const name = path.basename(p.source.path);
    const file = path.join(p.dir, `${id}${path.extname(name) || '.csv'}`);
    await copyFile(p.source.path, file);
    return { file, name };
  }
  const url = new URL(p.source.url);
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(10 * 60_000) });
  if (!res.ok || !res.body) throw new Error(`GET ${url.origin}${url.pathname} answered ${res.status}`);
  const name = decodeURIComponent(url.pathname.split('/').pop() || 'download.csv');
  const xlsx = /\.xlsx$/i.test(name) || (res.headers.get('content-type') ?? '').includes('spreadsheetml');
  const file = path.join(p.dir, `${id}${xlsx ? '.xlsx' : '.csv'}`);
  let seen = 0;
  const limit = maxImportBytes();
  const body = Readable.fromWeb(res.body as never).on('data', (c: Buffer) => {
    if ((seen += c.length) > limit) body.destroy(new Error(`the download is larger than ${limit} bytes`));
  });
  try {
    await pipeline(body, createWriteStream(file));
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
