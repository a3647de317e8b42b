// Files attached to mail, kept under the data dir (email/…): uploads from the composer (size-limited while streaming)
// and attachments of received mail.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db, DbOrTrx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { dataDir, writeDataFile } from '../../../core/files/data-dir.js';
import { newId, nowIso } from '../../../core/ids.js';
import type { EmailFilesTable } from './email-tables.js';

/** One attachment's limit (RAPPORT_EMAIL_ATTACHMENT_MAX_MB, default 10 MB); the same for sending and receiving. */
export const attachmentLimit = (): number => Math.round(Number(process.env.RAPPORT_EMAIL_ATTACHMENT_MAX_MB ?? 10) * 1024 * 1024);

export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** A file name safe to keep on disk and to send: no path, no control characters. */
export function safeFileName(name: string | undefined | null): string {
  const base = path.basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  return (base || 'attachment').slice(0, 200);
}

const toRef = (f: EmailFilesTable): AttachmentRef => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size });

/** Streams an upload to disk, stopping at the limit (413) so a large body never sits in memory. */
export async function saveUpload(db: Db, body: Readable, name: string, contentType: string, userId: string): Promise<AttachmentRef> {
  const id = newId();
  const fileName = safeFileName(name);
  const rel = path.join('email', 'uploads', `${id}-${fileName}`);
  const full = path.join(dataDir(), rel);
  await mkdir(path.dirname(full), { recursive: true });
  const limit = attachmentLimit();
  let size = 0;
  try {
    await pipeline(
      body,
      async function* (source) {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limit) throw new AppError('payload_too_large', `An attachment may be at most ${Math.round(limit / 1024 / 1024)} MB`);
          yield chunk;
        }
      },
      createWriteStream(full, { mode: 0o600 }),
    );
  } catch (err) {
    await rm(full, { force: true });
    throw err;
  }
  if (size === 0) {
    await rm(full, { force: true });
    throw new AppError('validation', 'The file is empty', [{ path: 'body', message: 'empty' }]);
  }
  const row: EmailFilesTable = { id, name: fileName, contentType: contentType || 'application/octet-stream', size, path: rel, messageId: null, uploadedBy: userId, createdAt: nowIso() };
  await db.kysely.insertInto('email_files').values(row).execute();
  return toRef(row);
}

/** The user's own uploads not yet sent, in the order named; anything else is a validation error. */
export async function claimUploads(db: DbOrTrx, userId: string, ids: string[]): Promise<EmailFilesTable[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('email_files').selectAll().where('id', 'in', ids).where('uploadedBy', '=', userId).where('messageId', 'is', null).execute();
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('validation', 'An attachment was not found or was already sent', missing.map((id) => ({ path: 'attachmentIds', message: id })));
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

export async function linkFiles(db: DbOrTrx, ids: string[], messageId: string): Promise<void> {
  if (ids.length) await db.updateTable('email_files').set({ messageId }).where('id', 'in', ids).execute();
}

/** Keeps a received attachment (the caller checked the limit) and returns what the message records. */
export async function keepInboundAttachment(db: DbOrTrx, content: Buffer, name: string | undefined, contentType: string, messageId: string | null): Promise<AttachmentRef> {
  const id = newId();
  const fileName = safeFileName(name);
  const day = nowIso().slice(0, 10);
  const rel = await writeDataFile(path.join('email', 'inbound', day), `${id}-${fileName}`, content);
  const row: EmailFilesTable = { id, name: fileName, contentType: contentType || 'application/octet-stream', size: content.length, path: rel, messageId, uploadedBy: null, createdAt: nowIso() };
  await db.insertInto('email_files').values(row).execute();
  return toRef(row);
}
