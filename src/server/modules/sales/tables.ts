// Tables of the sales module (leads, scoring, assignment, pipelines, deals, products, orders, quotas).
// Each part adds its table interfaces here and lists them in SalesTables.
export interface SalesTables {}

// Leads, lead scoring and lead assignment.
import type { LeadTables } from './leads/lead-tables.js';
import type { ScoringTables } from './scoring/scoring-tables.js';
import type { AssignmentTables } from './assignment/assignment-tables.js';
export interface SalesTables extends LeadTables, ScoringTables, AssignmentTables {}
