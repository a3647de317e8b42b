// zod schemas of deals: create/change/move requests, the deal as answered, and the list query.
import { z } from 'zod';
import { listQueryBase } from '../../../core/pagination.js';
import { forecastCategories } from './deal-tables.js';

const id = z.string().min(1).max(100);
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY or USD');
export const money = z.number().int('integer minor units (cents/fen)').min(0).max(Number.MAX_SAFE_INTEGER);
export const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

export const dealContactInput = z.strictObject({ contactId: id, role: z.string().trim().max(100).nullable().optional() });
export const lineItemInput = z.strictObject({
  productId: id.nullable().optional(),
  name: z.string().trim().min(1).max(200).optional(),
  quantity: z.number().int().min(1).max(1_000_000),
  /** Defaults to the product's price in the deal's currency (its price book). */
  unitPrice: money.optional(),
});

export const dealInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  pipelineId: id.optional(),
  stageId: id.optional(),
  /** Defaults to the sum of the line items. */
  amount: money.optional(),
  currency: currencyCode.optional(),
  expectedCloseDate: dateOnly.nullable().optional(),
  ownerId: id.nullable().optional(),
  companyId: id.nullable().optional(),
  contacts: z.array(dealContactInput).max(50).optional(),
  lineItems: z.array(lineItemInput).max(200).optional(),
  forecastCategory: z.enum(forecastCategories).optional(),
});
export type DealInput = z.infer<typeof dealInput>;
export const dealPatch = dealInput.omit({ pipelineId: true, stageId: true }).partial();
export type DealPatch = z.infer<typeof dealPatch>;

export const moveInput = z.strictObject({
  stageId: id,
  /** 0-based place in the target column (default: the end). */
  position: z.number().int().min(0).max(1_000_000).optional(),
  /** Required when the stage is a won or lost end stage. */
  reason: z.string().trim().min(1).max(500).optional(),
  /** On won: make an order from the line items (default true when there are any). */
  createOrder: z.boolean().optional(),
});
export type MoveInput = z.infer<typeof moveInput>;

export const dealSchema = z.object({
  id: z.string(),
  name: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  probability: z.number(),
  amount: z.number(),
  weightedAmount: z.number(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  status: z.enum(['open', 'won', 'lost']),
  forecastCategory: z.enum(forecastCategories),
  position: z.number(),
  stageEnteredAt: z.string(),
  closeReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deal = z.infer<typeof dealSchema>;

export const dealDetailSchema = dealSchema.extend({
  contacts: z.array(z.object({ contactId: z.string(), displayName: z.string(), role: z.string().nullable() })),
  lineItems: z.array(z.object({ id: z.string(), productId: z.string().nullable(), name: z.string(), nameZh: z.string().nullable(), quantity: z.number(), unitPrice: z.number(), amount: z.number() })),
  stageHistory: z.array(z.object({ stageId: z.string(), stageName: z.string(), enteredAt: z.string(), leftAt: z.string().nullable(), secondsInStage: z.number(), actorId: z.string().nullable() })),
  orderIds: z.array(z.string()),
});
export type DealDetail = z.infer<typeof dealDetailSchema>;

export const dealListQuery = z.object({
  ...listQueryBase,
  pipelineId: id.optional(),
  stageId: id.optional(),
  ownerId: id.optional(),
  companyId: id.optional(),
  contactId: id.optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  forecastCategory: z.enum(forecastCategories).optional(),
  closeMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM').optional(),
});
export type DealListQuery = z.infer<typeof dealListQuery>;
