// zod schemas of the product catalogue and its price books.
import { z } from 'zod';
import { listQueryBase } from '../../../core/pagination.js';
import { currencyCode, money } from '../deals/deal-schemas.js';

export const productInput = z.strictObject({
  sku: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  nameZh: z.string().trim().max(200).nullable().optional(),
  category: z.string().trim().max(100).nullable().optional(),
  price: money,
  cost: money.nullable().optional(),
  currency: currencyCode.optional(),
  active: z.boolean().optional(),
  /** Prices in other currencies (the price books). */
  prices: z.array(z.strictObject({ currency: currencyCode, price: money })).max(50).optional(),
});
export type ProductInput = z.infer<typeof productInput>;
export const productPatch = productInput.partial();
export type ProductPatch = z.infer<typeof productPatch>;

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  category: z.string().nullable(),
  price: z.number(),
  cost: z.number().nullable(),
  currency: z.string(),
  active: z.boolean(),
  prices: z.array(z.object({ currency: z.string(), price: z.number() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

export const productListQuery = z.object({ ...listQueryBase, category: z.string().max(100).optional(), active: z.enum(['true', 'false']).optional() });
export type ProductListQuery = z.infer<typeof productListQuery>;
