// HTTP route of the phone channel: a telephony system posts call records with an API key (scope service:write).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/http/request-context.js';
import { AppError } from '../../../core/errors.js';
import { processInbound, storeInbound } from '../conversations/inbound-store.js';
import { callInput, callSchema } from './call-schemas.js';
import { CALL_SOURCE } from './call-processor.js';
import { findCall, toCall } from './record-call.js';

export const phoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/calls',
    {
      config: { scope: 'service:write' },
      schema: {
        tags: ['service'],
        summary: 'Record a call from a telephony system (idempotent by callId)',
        description:
          'Numbers are normalised to E.164 in the organisation\'s region and matched to a contact. The call is stored as received first, then logged as a `call` on the contact\'s timeline and as a message in the caller\'s phone conversation; a missed inbound call from a known contact opens a call-back task for the contact\'s owner. Posting the same callId again answers 200 with the stored call.',
        body: callInput,
        response: { 200: callSchema, 201: callSchema, 202: z.object({ state: z.literal('pending') }) },
      },
    },
    async (req, reply) => {
      const { db } = ctxOf(req);
      const known = await findCall(db, req.body.callId);
      if (known) return reply.status(200).send(toCall(known));
      const rawId = await storeInbound(db, CALL_SOURCE, null, JSON.stringify(req.body));
      const outcome = await processInbound(db, rawId);
      const call = await findCall(db, req.body.callId);
      if (!call) {
        if (outcome.state === 'rejected') throw new AppError('bad_request', outcome.error ?? 'The call record was rejected');
        // Kept as received: the inbound poller retries it, so the telephony system need not.
        return reply.status(202).send({ state: 'pending' as const });
      }
      req.log.info({ callId: call.externalId, contactId: call.contactId }, 'call recorded');
      return reply.status(call.inboundRawId === rawId ? 201 : 200).send(toCall(call));
    },
  );
};
