// The one folder users may have the server read files from (RAPPORT_IMPORT_DIR, off unless the operator sets it):
// a path is resolved through every symlink and must land on a regular file inside that folder.
import { constants, createWriteStream } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';
import { parseImportDir } from '../config.js';

interface Folders {
  importDir?: string;
  dataDir: string;
}

let runtime: Folders | null = null;

/** The server passes its configuration; a bare `rapport worker` falls back to the environment. */
export function configureImportFolder(c: Folders): void {
  runtime = c;
}

const folders = (): Folders => runtime ?? { importDir: parseImportDir(process.env.RAPPORT_IMPORT_DIR), dataDir: path.resolve(process.env.RAPPORT_DATA_DIR ?? './data') };

const inside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

function outside(field: string) {
  return new AppError('validation', 'Only files inside the import folder (RAPPORT_IMPORT_DIR) can be imported', [{ path: field, message: 'outside the import folder' }]);
}

/** The real path of the regular file `p` names inside the import folder (absolute, or relative to the folder); else why not. */
export async function resolveImportFile(p: string, field = 'source.path'): Promise<string> {
  const { importDir, dataDir } = folders();
  if (!importDir) {
    throw new AppError('validation', 'Importing files from the server is off: the operator turns it on by setting RAPPORT_IMPORT_DIR to a folder, and only files in that folder can be imported', [{ path: field, message: 'RAPPORT_IMPORT_DIR is not set' }]);
  }
  const root = await realpath(importDir).catch(() => {
    throw new AppError('validation', 'The import folder (RAPPORT_IMPORT_DIR) does not exist on the server', [{ path: field, message: 'no import folder' }]);
  });
  // The data dir holds the secret key, the database and backups: a folder around it would expose them all.
  const data = await realpath(dataDir).catch(() => path.resolve(dataDir));
  if (data === root || inside(root, data)) {
    throw new AppError('validation', "The import folder (RAPPORT_IMPORT_DIR) must not contain Rapport's data dir", [{ path: field, message: 'the import folder contains the data dir' }]);
  }
  // Judged on the text first, so a path outside is refused without telling whether it exists.
  if (p.includes('\0') || p.split(/[\\/]/).includes('..')) throw outside(field);
  const candidate = path.resolve(importDir, p);
  if (!inside(path.resolve(importDir), candidate) && !inside(root, candidate)) throw outside(field);
  const real = await realpath(candidate).catch(() => null);
  // A symlink in the folder that points out of it is refused like the path it points to.
  if (real && !inside(root, real)) throw outside(field);
  const handle = real ? await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null) : null;
  const isFile = handle ? (await handle.stat()).isFile() : false;
  await handle?.close();
  if (!real || !isFile) throw new AppError('validation', `There is no file ${p} in the import folder`, [{ path: field, message: 'no such file' }]);
  return real;
}

/** Copies a file from the import folder to `dest`, checked again now (the folder may have changed since it was named). */
export async function copyFromImportFolder(p: string, dest: string): Promise<void> {
  const real = await resolveImportFile(p);
  // O_NOFOLLOW: the checked path cannot be swapped for a symlink between the check and the read.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  await pipeline(handle.createReadStream(), createWriteStream(dest));
}
