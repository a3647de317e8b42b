// The audit log for administrators (GET /audit, newest first; POST /audit/verify walks the hash chain), and a record's
// change history and its related records' activities for anyone who may see the record (GET /records/:entity/:id/…).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../http/request-context.js';
import { notFound } from '../errors.js';
import { decodeCursor, encodeCursor, listQueryBase, pageOf } from '../pagination.js';
import { readAuditEntries } from './audit-entries.js';
import { historyRelations, historySubject } from './record-history-registry.js';
import { verifyAudit } from './verify-audit.js';

const changeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const changeSchema = z.object({ field: z.string(), label: z.string().nullable().describe('a custom field\'s label'), before: changeValue, after: changeValue });

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  changes: z.array(changeSchema).describe('for updates: the changed fields in plain words (names, not ids)'),
});
const historyEntrySchema = entrySchema.omit({ before: true, after: true, actorId: true }).extend({
  record: z.object({ label: z.string(), path: z.string() }).nullable().describe('for entries of a related record (a contact\'s ticket): what it is and where it lives'),
});

const recordParams = z.object({ entity: z.enum(['contact', 'company', 'deal', 'ticket']), id: z.string().max(100) });
const relatedActivitySchema = z.object({
  id: z.string(),
  at: z.string(),
  entity: z.string(),
  entityId: z.string(),
  kind: z.string().describe('created, status, message …'),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  record: z.object({ label: z.string(), path: z.string() }).nullable(),
});

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { config: { scope: 'session', access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log (admin), filtered by record, user and time',
        querystring: z.object({
          limit: listQueryBase.limit,
          cursor: listQueryBase.cursor,
          entity: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.string().max(100).optional().describe('only what this user did'),
          from: instant.optional().describe('entries at or after this instant'),
          to: instant.optional().describe('entries before this instant'),
        }),
        response: { 200: z.object({ data: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { db } = requireAdmin(req);
      const { limit, cursor, entity, entityId, actorId, from, to } = req.query;
      const rows = await readAuditEntries(db.kysely, {
        entities: entity ? [entity] : undefined, entityId, actorId, from, to, limit: limit + 1,
        beforeSeq: cursor ? Number(decodeCursor(cursor, 1)[0]) : undefined,
      });
      return pageOf(rows, limit, (r) => [r.seq]);
    },
  );

  app.post(
    '/audit/verify',
    { config: { scope: 'session', access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Check the audit log\'s hash chain from the first entry (admin)',
        response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenSeq: z.number().nullable(), reason: z.string().nullable() }) },
      },
    },
    async (req) => verifyAudit(requireAdmin(req).db.kysely),
  );

  app.get(
    '/records/:entity/:id/history',
    { config: { scope: 'session', access: 'user' },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what on a contact, company, deal or ticket, and when (anyone who may see the record)',
        params: recordParams,
        querystring: z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor }),
        response: { 200: z.object({ data: z.array(historyEntrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const subject = historySubject(req.params.entity);
      if (!subject) throw notFound('Record');
      await subject.ensureVisible(db, actor, req.params.id);
      const { limit, cursor } = req.query;
      const relations = historyRelations(req.params.entity);
      const related = await Promise.all(relations.map(async (r) => ({ entity: r.entity, ids: await r.relatedIds(db.kysely, actor, req.params.id) })));
      const rows = await readAuditEntries(db.kysely, {
        entities: subject.entities, entityId: req.params.id, limit: limit + 1, related,
        beforeSeq: cursor ? Number(decodeCursor(cursor, 1)[0]) : undefined,
      });
      const page = pageOf(rows, limit, (r) => [r.seq]);
      const labels = new Map<string, { label: string; path: string }>();
      for (const r of relations) {
        const ids = [...new Set(page.data.filter((e) => e.entity === r.entity).map((e) => e.entityId))];
        if (ids.length) for (const [id, l] of await r.labels(db.kysely, ids)) labels.set(`${r.entity}:${id}`, l);
      }
      return { ...page, data: page.data.map(({ before: _b, after: _a, actorId: _x, ...rest }) => ({ ...rest, record: labels.get(`${rest.entity}:${rest.entityId}`) ?? null })) };
    },
  );
  app.get(
    '/records/:entity/:id/activities',
    { config: { scope: 'session', access: 'user' },
      schema: {
        tags: ['audit'],
        summary: 'What happened on records related to this one that counts as an activity (a contact\'s tickets: opened, status changes, messages), newest first',
        params: recordParams,
        querystring: z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor }),
        response: { 200: z.object({ data: z.array(relatedActivitySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { db, actor } = ctxOf(req);
      const subject = historySubject(req.params.entity);
      if (!subject) throw notFound('Record');
      await subject.ensureVisible(db, actor, req.params.id);
      const { limit, cursor } = req.query;
      const before = cursor ? (decodeCursor(cursor, 2) as [string, string]) : undefined;
      const relations = historyRelations(req.params.entity).filter((r) => r.activities);
      const found = await Promise.all(relations.map(async (r) => {
        const ids = await r.relatedIds(db.kysely, actor, req.params.id);
        if (!ids.length) return [];
        const items = await r.activities!(db.kysely, ids, { before, limit: limit + 1 });
        const labels = await r.labels(db.kysely, [...new Set(items.map((i) => i.entityId))]);
        return items.map((i) => ({ ...i, record: labels.get(i.entityId) ?? null }));
      }));
      const all = found.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      const data = all.slice(0, limit);
      const last = data[data.length - 1];
      return { data, nextCursor: all.length > limit && last ? encodeCursor([last.at, last.id]) : null };
    },
  );
};
