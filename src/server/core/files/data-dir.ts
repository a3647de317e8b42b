// The data dir for files that modules keep (mail attachments, uploads), known to background work that has no request.
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';

let dir: string | undefined;

export function configureDataDir(dataDir: string): void {
  dir = dataDir;
}

export function dataDir(): string {
  if (!dir) dir = loadConfig().dataDir;
  return dir;
}

/** Writes a file under <data dir>/<area>/ and returns its path relative to the data dir (what the database keeps). */
export async function writeDataFile(area: string, name: string, content: Buffer): Promise<string> {
  const rel = path.join(area, name);
  const full = path.join(dataDir(), rel);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content, { mode: 0o600 });
  return rel;
}

/** The absolute path of a file kept under the data dir; refuses paths that would leave it. */
export function dataFilePath(rel: string): string {
  const root = path.resolve(dataDir());
  const full = path.resolve(root, rel);
  if (!full.startsWith(root + path.sep)) throw new Error('Path outside the data dir');
  return full;
}
