// HTTP routes of alerts: the list (mine or all I may see; active, or by status), accept (with a task), dismiss,
// snooze, acceptance rates per rule, and a manual run of the rules (admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { alertActions, alertRules, alertStatuses } from './alert-tables.js';
import { acceptAlert, alertStats, dismissAlert, listAlerts, snoozeAlert } from './alert-service.js';
import { churnJumpAlerts, runAlertRules } from './alert-rules.js';

const iso = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-25T09:30:00Z' });
export const alertSchema = z.object({ id: z.string(), rule: z.enum(alertRules), entity: z.enum(['contact', 'deal', 'ticket']), entityId: z.string(), contactId: z.string().nullable(), ownerId: z.string().nullable(), title: z.string(), facts: z.record(z.string(), z.unknown()), action: z.enum(alertActions), productId: z.string().nullable(), productName: z.string().nullable(), status: z.enum(alertStatuses), snoozedUntil: z.string().nullable(), decidedAt: z.string().nullable(), taskId: z.string().nullable(), createdAt: z.string() });

export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['intelligence'];
  app.get('/alerts', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Alerts on records you may see, newest first: active (open or snoozed) by default, or one status; mine=true for those you own', querystring: z.strictObject({ status: z.enum([...alertStatuses, 'active']).default('active'), mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(500).optional() }), response: { 200: z.object({ data: z.array(alertSchema), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return listAlerts(db.kysely, actor, req.query);
  });
  app.get('/alerts/stats', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Per rule: alerts raised, open, snoozed, accepted, dismissed and the acceptance rate (accepted ÷ decided), over alerts you may see', response: { 200: z.object({ data: z.array(z.object({ rule: z.enum(alertRules), raised: z.number(), open: z.number(), snoozed: z.number(), accepted: z.number(), dismissed: z.number(), acceptanceRate: z.number().nullable() })) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await alertStats(db.kysely, actor) };
  });
  app.post('/alerts/:id/accept', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Accept an alert; by default makes a task for its suggested action (due tomorrow unless dueAt)', params: idParams, body: z.strictObject({ createTask: z.boolean().default(true), dueAt: iso.optional() }).default({ createTask: true }), response: { 200: alertSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return acceptAlert(db, actor, req.params.id, req.body);
  });
  app.post('/alerts/:id/dismiss', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Dismiss an alert', params: idParams, response: { 200: alertSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return dismissAlert(db.kysely, actor, req.params.id);
  });
  app.post('/alerts/:id/snooze', { config: { scope: 'sales:write' }, schema: { tags, summary: 'Snooze an alert until a time; it reopens then', params: idParams, body: z.strictObject({ until: iso }), response: { 200: alertSchema } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return snoozeAlert(db.kysely, actor, req.params.id, req.body.until);
  });
  app.post('/alerts/run', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Run the alert rules now (admin; they also run every minute)', response: { 200: z.object({ raised: z.number() }) } } }, async (req) => {
    const { db } = requireAdmin(req);
    return { raised: (await runAlertRules(db)) + (await churnJumpAlerts(db)) };
  });
};
