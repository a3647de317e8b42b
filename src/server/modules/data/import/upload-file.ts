// Saves an uploaded request body to the data dir as it streams in, refusing it past the size limit.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../core/errors.js';

export const maxImportBytes = () => Number(process.env.RAPPORT_IMPORT_MAX_BYTES ?? 2 * 1024 ** 3);

export function importDir(dataDir: string): string {
  return path.join(dataDir, 'imports');
}

export async function saveUpload(body: unknown, dataDir: string, id: string, fileName: string): Promise<string> {
  if (!(body instanceof Readable)) {
    throw new AppError('bad_request', 'Send the file itself as the request body, with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  const dir = importDir(dataDir);
  await mkdir(dir, { recursive: true });
  const ext = /\.(csv|tsv|txt|xlsx)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'bin';
  const file = path.join(dir, `${id}.${ext}`);
  const limit = maxImportBytes();
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      cb(seen > limit ? new AppError('payload_too_large', `The file is larger than ${limit} bytes (RAPPORT_IMPORT_MAX_BYTES)`) : null, chunk);
    },
  });
  try {
    await pipeline(body, guard, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError('bad_request', `The upload did not arrive whole: ${(err as Error).message}`);
  }
  if ((await stat(file)).size === 0) {
    await rm(file, { force: true });
    throw new AppError('validation', 'The file is empty', [{ path: 'body', message: 'empty' }]);
  }
  return file;
}
