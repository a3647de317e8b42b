// Tables of the sales module (leads, scoring, assignment, pipelines, deals, products, orders, quotas).
// Each part adds its table interfaces here and lists them in SalesTables.
export interface SalesTables {}
