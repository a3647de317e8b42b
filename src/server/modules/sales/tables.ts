// Tables of the sales module (leads, scoring, assignment, pipelines, deals, products, orders, quotas).
// Each part adds its table interfaces here and lists them in SalesTables.
export interface SalesTables {}

// Pipelines, deals, products, orders and quotas (their interfaces live beside their use cases).
import type { DealTables } from './deals/deal-tables.js';
import type { OrderTables } from './orders/order-tables.js';
export interface SalesTables extends DealTables, OrderTables {}

// Leads, lead scoring and lead assignment.
import type { LeadTables } from './leads/lead-tables.js';
import type { ScoringTables } from './scoring/scoring-tables.js';
import type { AssignmentTables } from './assignment/assignment-tables.js';
export interface SalesTables extends LeadTables, ScoringTables, AssignmentTables {}
