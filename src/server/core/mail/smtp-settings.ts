// The organisation's outgoing mail server (Settings → Email), kept encrypted in the settings table; SMTP_URL and
// SMTP_FROM from the environment are the fallback when none is set.
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.js';
import { decryptSecret, encryptSecret } from '../secrets/secret-box.js';

const KEY = 'mail.smtp';

export const smtpSettingsSchema = z.object({
  /** smtp://user:pass@host:587 or smtps://…; when set it wins over host/port/user/password. */
  url: z.string().trim().max(500).regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').nullable().optional(),
  host: z.string().trim().max(255).nullable().optional(),
  port: z.number().int().min(1).max(65535).nullable().optional(),
  secure: z.boolean().optional(),
  user: z.string().trim().max(255).nullable().optional(),
  password: z.string().max(500).nullable().optional(),
  fromAddress: z.string().trim().email().max(255).nullable().optional(),
  fromName: z.string().trim().max(200).nullable().optional(),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

export interface SmtpTransportConfig {
  /** A nodemailer transport: a URL or an options object. */
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
  /** The domain for Message-IDs. */
  domain: string;
  /** Settings → Email (an administrator's input: connections go through the outbound policy) or SMTP_URL (the operator's). */
  source: 'settings' | 'environment';
}

export async function getSmtpSettings(db: DbOrTrx): Promise<SmtpSettings | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return null;
  const sealed = JSON.parse(row.value) as string;
  return smtpSettingsSchema.parse(JSON.parse(decryptSecret(sealed)));
}

/** Saves the settings encrypted as a whole (the URL may carry the password too); null removes them. */
export async function setSmtpSettings(db: DbOrTrx, settings: SmtpSettings | null): Promise<void> {
  if (!settings) {
    await db.deleteFrom('settings').where('key', '=', KEY).execute();
    return;
  }
  const value = JSON.stringify(encryptSecret(JSON.stringify(settings)));
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

const domainOf = (address: string) => address.split('@').pop()?.replace(/[>\s]/g, '') || 'localhost';

/**
 * Whether outbound mail is set up, the one answer for every sender (task reminders, widget transcripts, surveys, form
 * confirmations): the organisation's settings (Settings → Email) or SMTP_URL.
 */
export async function mailConfigured(db: DbOrTrx): Promise<boolean> {
  return (await smtpTransportConfig(db)) !== null;
}

/** The domain our Message-IDs name (<id@domain>): the sender's, else 'rapport.local' while mail is not set up. */
export async function messageIdDomain(db: DbOrTrx): Promise<string> {
  return (await smtpTransportConfig(db))?.domain ?? 'rapport.local';
}

/** What the sender uses: the organisation's settings, else SMTP_URL; null when neither is set. */
export async function smtpTransportConfig(db: DbOrTrx): Promise<SmtpTransportConfig | null> {
  const s = await getSmtpSettings(db);
  const envFrom = process.env.SMTP_FROM ?? 'Rapport <no-reply@localhost>';
  if (s && (s.url || s.host)) {
    const address = s.fromAddress ?? envFrom;
    const from = s.fromAddress ? (s.fromName ? `"${s.fromName.replace(/"/g, '')}" <${s.fromAddress}>` : s.fromAddress) : envFrom;
    const transport = s.url
      ? s.url
      : { host: s.host!, port: s.port ?? (s.secure ? 465 : 587), secure: s.secure ?? false, ...(s.user && { auth: { user: s.user, pass: s.password ?? '' } }) };
    return { transport, from, domain: domainOf(address), source: 'settings' };
  }
  if (process.env.SMTP_URL) return { transport: process.env.SMTP_URL, from: envFrom, domain: domainOf(envFrom), source: 'environment' };
  return null;
}
