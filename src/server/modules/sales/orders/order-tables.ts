// Tables of the product catalogue (with price books per currency), orders with their line items, and quotas.
import type { RollupTables } from '../forecast/rollup-tables.js';

export const orderStatuses = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** Orders in these states count as revenue. */
export const revenueStatuses: OrderStatus[] = ['pending', 'paid', 'fulfilled'];

export interface ProductsTable {
  id: string;
  sku: string;
  nameEn: string;
  nameZh: string | null;
  category: string | null;
  price: number; // integer minor units, in currency
  cost: number | null;
  currency: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductPricesTable {
  productId: string;
  currency: string;
  price: number;
}

export interface OrdersTable {
  id: string;
  externalId: string | null;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  status: OrderStatus;
  channel: string;
  currency: string;
  total: number;
  orderedAt: string;
  fulfilledAt: string | null;
  ownerId: string | null;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderItemsTable {
  id: string;
  orderId: string;
  productId: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface QuotasTable {
  /** "user:<id>" or "team:<id>". */
  target: string;
  month: string; // YYYY-MM
  amount: number;
  currency: string;
}

export interface OrderTables extends RollupTables {
  products: ProductsTable;
  productPrices: ProductPricesTable;
  orders: OrdersTable;
  orderItems: OrderItemsTable;
  quotas: QuotasTable;
}
