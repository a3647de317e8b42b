// Administrators' e-mail settings: the outgoing server (Settings → Email, encrypted at rest, SMTP_URL as fallback),
// and the mailboxes Rapport reads over IMAP (poll one now to check it).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../core/http/common-schemas.js';
import { ctxOf } from '../../../core/http/request-context.js';
import { AppError } from '../../../core/errors.js';
import { getSmtpSettings, setSmtpSettings, smtpSettingsSchema } from '../../../core/mail/smtp-settings.js';
import { assertAllowedHost } from '../../../core/net/allowed-host.js';
import { deleteMailbox, listMailboxes, mailboxInput, mailboxSchema, saveMailbox } from './mailboxes.js';
import { pollMailbox } from './imap-poller.js';

const settingsView = smtpSettingsSchema.omit({ password: true, url: true }).extend({
  hasPassword: z.boolean(),
  /** The URL with its password masked. */
  url: z.string().nullable(),
  /** Where sending is configured: these settings, the SMTP_URL environment variable, or nowhere. */
  source: z.enum(['settings', 'environment', 'none']),
});
const maskUrl = (url: string | null | undefined) => (url ? url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1••••@') : null);

export const emailAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['email'];
  const view = async (db: Parameters<typeof getSmtpSettings>[0]) => {
    const s = await getSmtpSettings(db);
    const { password, url, ...rest } = s ?? {};
    const source = s && (s.url || s.host) ? 'settings' : process.env.SMTP_URL ? 'environment' : 'none';
    return { ...rest, url: maskUrl(url), hasPassword: Boolean(password) || /\/\/[^:/@]*:[^@]+@/.test(url ?? ''), source } as z.infer<typeof settingsView>;
  };
  app.get('/email/settings', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'The outgoing mail server (passwords never shown)', response: { 200: settingsView } } }, async (req) => view(ctxOf(req).db.kysely));
  app.put(
    '/email/settings',
    { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Set the outgoing mail server; an omitted password keeps the stored one; empty host and URL fall back to SMTP_URL', body: smtpSettingsSchema, response: { 200: settingsView } } },
    async (req) => {
      const { db } = ctxOf(req);
      const before = await getSmtpSettings(db.kysely);
      const next = { ...req.body };
      if (next.password === undefined) next.password = before?.password ?? null;
      // A masked URL sent back unchanged keeps the stored one.
      if (next.url && next.url.includes('••••')) next.url = before?.url ?? null;
      if (next.host && next.url) throw new AppError('validation', 'Give either a URL or a host, not both', [{ path: 'url', message: 'either url or host' }]);
      // The outbound policy, as for every connection Rapport makes (checked again when mail is sent).
      if (next.host) await assertAllowedHost(next.host, 'host');
      if (next.url && URL.canParse(next.url)) await assertAllowedHost(new URL(next.url).hostname, 'url');
      await setSmtpSettings(db.kysely, next.url || next.host || next.fromAddress ? next : null);
      return view(db.kysely);
    },
  );

  app.get('/email/mailboxes', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Mailboxes read over IMAP (passwords never shown)', response: { 200: z.object({ data: z.array(mailboxSchema) }) } } }, async (req) => ({
    data: await listMailboxes(ctxOf(req).db),
  }));
  app.post('/email/mailboxes', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Add a mailbox', body: mailboxInput, response: { 201: mailboxSchema } } }, async (req, reply) =>
    reply.status(201).send(await saveMailbox(ctxOf(req).db, null, req.body)),
  );
  app.put('/email/mailboxes/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Change a mailbox; an omitted password keeps the stored one', params: idParams, body: mailboxInput, response: { 200: mailboxSchema } } }, async (req) =>
    saveMailbox(ctxOf(req).db, req.params.id, req.body),
  );
  app.delete('/email/mailboxes/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Remove a mailbox (its conversations stay)', params: idParams } }, async (req, reply) => {
    await deleteMailbox(ctxOf(req).db, req.params.id);
    return reply.status(204).send();
  });
  app.post(
    '/email/mailboxes/:id/poll',
    { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Read the mailbox now', params: idParams, response: { 200: z.object({ fetched: z.number(), skipped: z.number() }) } } },
    async (req) => {
      try {
        return await pollMailbox(ctxOf(req).db, req.params.id);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('conflict', `The mailbox could not be read: ${String((err as Error).message ?? err).slice(0, 200)}`);
      }
    },
  );
};
