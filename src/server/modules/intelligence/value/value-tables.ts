// Tables of customer value: each buying contact's historical value and profitability and their predicted lifetime value.
export interface ContactValuesTable {
  contactId: string;
  orders: number;
  firstOrderAt: string;
  lastOrderAt: string;
  /** Revenue to date (minor units, summed over revenue orders). */
  revenue: number;
  /** Σ quantity × product cost over order lines whose product has a cost. */
  productCost: number;
  /** Tickets × the configured cost per ticket. */
  tickets: number;
  serviceCost: number;
  /** revenue − productCost − serviceCost. */
  margin: number;
  /** BG/NBD: probability the customer is still active (null when the model could not be fitted). */
  probabilityAlive: number | null;
  /** BG/NBD: expected orders in the prediction horizon. */
  expectedOrders: number | null;
  /** Gamma-Gamma: expected average order value. */
  expectedOrderValue: number | null;
  /** expectedOrders × expectedOrderValue: predicted revenue in the horizon (minor units). */
  predictedValue: number | null;
  computedAt: string;
}

export interface ValueTables {
  contact_values: ContactValuesTable;
}
