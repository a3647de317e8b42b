// zod schemas of orders: the API request (also used by e-commerce systems), the order as answered, the list query.
import { z } from 'zod';
import { listQueryBase } from '../../../core/pagination.js';
import { currencyCode, money } from '../deals/deal-schemas.js';
import { orderStatuses } from './order-tables.js';

const id = z.string().min(1).max(100);
const iso = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-25T09:30:00Z' });

export const orderItemInput = z
  .strictObject({
    productId: id.optional(),
    sku: z.string().trim().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    quantity: z.number().int().min(1).max(1_000_000),
    unitPrice: money.optional(),
  })
  .refine((i) => i.productId || i.sku || (i.name && i.unitPrice !== undefined), 'give productId or sku, or name and unitPrice');

export const orderInput = z.strictObject({
  /** The order's id in the shop or ERP: posting the same one again answers the stored order instead of a second one. */
  externalId: z.string().trim().min(1).max(200).optional(),
  contactId: id.nullable().optional(),
  companyId: id.nullable().optional(),
  status: z.enum(orderStatuses).default('paid'),
  channel: z.string().trim().min(1).max(50).default('api'),
  currency: currencyCode.optional(),
  orderedAt: iso.optional(),
  fulfilledAt: iso.nullable().optional(),
  items: z.array(orderItemInput).min(1).max(500),
});
export type OrderInput = z.infer<typeof orderInput>;

export const orderPatch = z.strictObject({ status: z.enum(orderStatuses).optional(), fulfilledAt: iso.nullable().optional(), channel: z.string().trim().min(1).max(50).optional() });
export type OrderPatch = z.infer<typeof orderPatch>;

export const orderItemSchema = z.object({ id: z.string(), productId: z.string().nullable(), sku: z.string().nullable(), name: z.string(), quantity: z.number(), unitPrice: z.number(), amount: z.number() });
export const orderSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
  dealId: z.string().nullable(),
  status: z.enum(orderStatuses),
  channel: z.string(),
  currency: z.string(),
  total: z.number(),
  orderedAt: z.string(),
  fulfilledAt: z.string().nullable(),
  ownerId: z.string().nullable(),
  teamId: z.string().nullable(),
  items: z.array(orderItemSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderListQuery = z.object({
  ...listQueryBase,
  contactId: id.optional(),
  companyId: id.optional(),
  dealId: id.optional(),
  status: z.enum(orderStatuses).optional(),
  channel: z.string().max(50).optional(),
  from: iso.optional(),
  to: iso.optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;
