// The Kysely type of the whole database: every module's tables, composed here as the app composes modules.
import type { AccountTables } from './modules/accounts/tables.js';
import type { CoreTables } from './core/tables.js';
import type { CustomerTables } from './modules/customers/tables.js';
import type { InteractionTables } from './modules/interactions/tables.js';
import type { DataTables } from './modules/data/tables.js';
import type { SalesTables } from './modules/sales/tables.js';
import type { ServiceTables } from './modules/service/tables.js';
import type { KnowledgeTables } from './modules/knowledge/tables.js';
import type { MarketingTables } from './modules/marketing/tables.js';
import type { IntelligenceTables } from './modules/intelligence/tables.js';

export interface Database extends CoreTables, AccountTables, CustomerTables, InteractionTables, DataTables, SalesTables, ServiceTables, KnowledgeTables, IntelligenceTables, MarketingTables {}
