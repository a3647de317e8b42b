// HTTP routes of customer value: the summary (totals, fitted CLV model, settings), customers by margin or predicted
// value, one contact's value, profitability per product, and the settings (cost per ticket, horizon; admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../../core/http/request-context.js';
import { idParams } from '../../../core/http/common-schemas.js';
import { clvModelSchema, setValueSettings, valueSettingsSchema } from './value-settings.js';
import { contactValue, productProfitability, valueCustomers, valueSummary } from './value-service.js';

const money = z.number();
const contactValueSchema = z.object({ contactId: z.string(), orders: z.number(), firstOrderAt: z.string(), lastOrderAt: z.string(), revenue: money, productCost: money, tickets: z.number(), serviceCost: money, margin: money, probabilityAlive: z.number().nullable(), expectedOrders: z.number().nullable(), expectedOrderValue: z.number().nullable(), predictedValue: z.number().nullable(), computedAt: z.string() });
const customerRow = z.object({ id: z.string(), displayName: z.string(), orders: z.number(), revenue: money, productCost: money, tickets: z.number(), serviceCost: money, margin: money, probabilityAlive: z.number().nullable(), expectedOrders: z.number().nullable(), predictedValue: z.number().nullable(), lastOrderAt: z.string() });
const productRow = z.object({ productId: z.string(), sku: z.string(), nameEn: z.string(), nameZh: z.string().nullable(), unitCost: z.number().nullable(), costKnown: z.boolean(), units: z.number(), buyers: z.number(), revenue: money, productCost: money, serviceCost: money, margin: money });

export const valueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['intelligence'];
  app.get('/intelligence/value', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Customer value: totals over the contacts you may see (revenue, costs, margin, predicted value), the fitted CLV model and the settings', response: { 200: z.object({ computedAt: z.string().nullable(), currency: z.string(), settings: valueSettingsSchema, model: clvModelSchema.nullable(), totals: z.object({ customers: z.number(), revenue: money, productCost: money, serviceCost: money, margin: money, predictedValue: money }) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return valueSummary(db.kysely, actor);
  });
  app.get('/intelligence/value/customers', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Customers you may see by margin (most or least profitable), revenue or predicted value', querystring: z.strictObject({ sort: z.enum(['margin', 'marginAsc', 'predictedValue', 'revenue']).default('margin'), limit: z.coerce.number().int().min(1).max(200).default(20) }), response: { 200: z.object({ data: z.array(customerRow) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await valueCustomers(db.kysely, actor, req.query.sort, req.query.limit) };
  });
  app.get('/intelligence/value/products', { config: { scope: 'sales:read' }, schema: { tags, summary: 'Profitability per product over the orders you may see: revenue − product cost − service cost of tickets about its orders', response: { 200: z.object({ data: z.array(productRow) }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await productProfitability(db.kysely, actor) };
  });
  app.get('/contacts/:id/value', { config: { scope: 'sales:read' }, schema: { tags, summary: "A contact's lifetime value: historical revenue, costs and margin, and the predicted value (null before the first computation)", params: idParams, response: { 200: z.object({ data: contactValueSchema.nullable() }) } } }, async (req) => {
    const { db, actor } = ctxOf(req);
    return { data: await contactValue(db.kysely, actor, req.params.id) };
  });
  app.put('/intelligence/value/settings', { config: { scope: 'sales:write', access: 'admin' }, schema: { tags, summary: 'Set the cost per ticket (minor units) and the CLV horizon in days (admin); used from the next computation', body: valueSettingsSchema.partial().strict(), response: { 200: valueSettingsSchema } } }, async (req) => {
    const { db } = requireAdmin(req);
    return setValueSettings(db.kysely, req.body);
  });
};
