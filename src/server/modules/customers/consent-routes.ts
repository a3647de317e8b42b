// HTTP route of a contact's consent: its current status per channel and the history of every change.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/http/request-context.js';
import { consentSchema, idParams } from './schemas.js';
import { getContact } from './contact-repository.js';
import { listConsentEvents } from './consent-store.js';
import { consentChannels, consentStatuses } from './consent-rule.js';

const consentEventSchema = z.object({
  id: z.string(),
  channel: z.enum(consentChannels),
  status: z.enum(consentStatuses),
  previousStatus: z.enum(consentStatuses).nullable(),
  source: z.string().describe('what made the change: user, api, form, import, merge, merge_undo, unsubscribe, migrated, …'),
  detail: z.string().nullable().describe("the import's or the merge's id"),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contacts/:id/consent',
    { config: { scope: 'customers:read' }, schema: { tags: ['contacts'], summary: "A contact's consent per channel and its history (newest first)", params: idParams, response: { 200: z.object({ current: consentSchema, data: z.array(consentEventSchema) }) } } },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const contact = await getContact(db, actor, req.params.id);
      return { current: contact.consentStatus, data: (await listConsentEvents(db.kysely, contact.id)) as z.infer<typeof consentEventSchema>[] };
    },
  );
};
