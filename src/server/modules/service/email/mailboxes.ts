// Mailboxes Rapport reads (service_channels of kind 'email'): the IMAP account, its password encrypted at rest, and
// where polling got to (UIDVALIDITY + last UID), so a message is fetched once.
import { z } from 'zod';
import type { Db } from '../../../core/db/database.js';
import { notFound } from '../../../core/errors.js';
import { newId, nowIso } from '../../../core/ids.js';
import { decryptSecret, encryptSecret } from '../../../core/secrets/secret-box.js';
import { assertAllowedHost } from '../../../core/net/allowed-host.js';
import type { ServiceChannelsTable } from '../tables.js';

export const mailboxInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The address customers write to (also what the built-in SMTP receiver accepts). */
  address: z.string().trim().toLowerCase().email().max(254),
  imapHost: z.string().trim().max(255).nullable().optional(),
  imapPort: z.number().int().min(1).max(65535).optional(),
  imapSecure: z.boolean().optional(),
  imapUser: z.string().trim().max(255).nullable().optional(),
  /** Write-only: never returned; omit to keep the stored one. */
  imapPassword: z.string().max(500).nullable().optional(),
  imapMailbox: z.string().trim().min(1).max(200).optional(),
  teamId: z.string().max(100).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type MailboxInput = z.infer<typeof mailboxInput>;

export const mailboxSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  imapHost: z.string().nullable(),
  imapPort: z.number(),
  imapSecure: z.boolean(),
  imapUser: z.string().nullable(),
  hasPassword: z.boolean(),
  imapMailbox: z.string(),
  teamId: z.string().nullable(),
  enabled: z.boolean(),
  lastUid: z.number(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Mailbox = z.infer<typeof mailboxSchema>;

export interface MailboxConfig {
  address: string;
  imapHost: string | null;
  imapPort: number;
  imapSecure: boolean;
  imapUser: string | null;
  imapPassword: string | null; // encrypted
  imapMailbox: string;
  uidValidity: string | null;
  lastUid: number;
  lastPolledAt: string | null;
  lastError: string | null;
}

export const configOf = (row: ServiceChannelsTable): MailboxConfig => ({
  address: '',
  imapHost: null,
  imapPort: 993,
  imapSecure: true,
  imapUser: null,
  imapPassword: null,
  imapMailbox: 'INBOX',
  uidValidity: null,
  lastUid: 0,
  lastPolledAt: null,
  lastError: null,
  ...(JSON.parse(row.config || '{}') as Partial<MailboxConfig>),
});

export const mailboxPassword = (c: MailboxConfig): string => (c.imapPassword ? decryptSecret(c.imapPassword) : '');

function toMailbox(row: ServiceChannelsTable): Mailbox {
  const c = configOf(row);
  const { imapPassword, uidValidity: _v, ...rest } = c;
  return { id: row.id, name: row.name, ...rest, hasPassword: Boolean(imapPassword), teamId: row.teamId, enabled: row.enabled === 1 };
}

export async function listMailboxes(db: Db): Promise<Mailbox[]> {
  const rows = await db.kysely.selectFrom('service_channels').selectAll().where('kind', '=', 'email').orderBy('createdAt').execute();
  return rows.map(toMailbox);
}

export async function mailboxRow(db: Db, id: string): Promise<ServiceChannelsTable> {
  const row = await db.kysely.selectFrom('service_channels').selectAll().where('id', '=', id).where('kind', '=', 'email').executeTakeFirst();
  if (!row) throw notFound('Mailbox');
  return row;
}

export async function saveMailbox(db: Db, id: string | null, input: MailboxInput): Promise<Mailbox> {
  const before = id ? await mailboxRow(db, id) : null;
  const prev = before ? configOf(before) : null;
  const serverChanged = prev && (input.imapHost !== undefined && input.imapHost !== prev.imapHost || (input.imapMailbox !== undefined && input.imapMailbox !== prev.imapMailbox));
  const config: MailboxConfig = {
    ...(prev ?? configOf({ config: '{}' } as ServiceChannelsTable)),
    address: input.address,
    ...(input.imapHost !== undefined && { imapHost: input.imapHost }),
    ...(input.imapPort !== undefined && { imapPort: input.imapPort }),
    ...(input.imapSecure !== undefined && { imapSecure: input.imapSecure }),
    ...(input.imapUser !== undefined && { imapUser: input.imapUser }),
    ...(input.imapPassword !== undefined && { imapPassword: input.imapPassword ? encryptSecret(input.imapPassword) : null }),
    ...(input.imapMailbox !== undefined && { imapMailbox: input.imapMailbox }),
    // Another server or folder starts from its first message again (Message-IDs keep that idempotent).
    ...(serverChanged && { uidValidity: null, lastUid: 0 }),
  };
  if (config.imapHost) await assertAllowedHost(config.imapHost, 'imapHost');
  const now = nowIso();
  const values = { name: input.name, config: JSON.stringify(config), teamId: input.teamId ?? before?.teamId ?? null, enabled: input.enabled === false ? 0 : 1, updatedAt: now };
  if (before) await db.kysely.updateTable('service_channels').set(values).where('id', '=', before.id).execute();
  else await db.kysely.insertInto('service_channels').values({ id: (id = newId()), kind: 'email', secret: null, createdAt: now, ...values }).execute();
  return toMailbox(await mailboxRow(db, id!));
}

export async function deleteMailbox(db: Db, id: string): Promise<void> {
  await mailboxRow(db, id);
  await db.kysely.deleteFrom('service_channels').where('id', '=', id).execute();
}

export async function updateMailboxState(db: Db, id: string, patch: Partial<MailboxConfig>): Promise<void> {
  const row = await mailboxRow(db, id);
  await db.kysely.updateTable('service_channels').set({ config: JSON.stringify({ ...configOf(row), ...patch }) }).where('id', '=', id).execute();
}
