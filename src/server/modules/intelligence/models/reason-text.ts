// A reason in English words, for API users and other modules (alerts, e-mails); the web renders the same structured
// reasons in the reader's language from its own locale files.
import type { Reason } from './feature-values.js';

const templates: Record<string, string> = {
  noOrderSince: 'no order in {days} days, usually every {usual}',
  orderedRecently: 'last order {days} days ago, usually every {usual}',
  lastOrder: 'last order {days} days ago',
  neverOrdered: 'has never ordered',
  hasOrdered: 'has ordered before',
  orderCount: '{count} orders',
  spend: 'spent {amount} in all',
  averageOrder: 'orders of {amount} on average',
  orderTrend: '{recent} orders in the last 90 days, {before} in the 90 before',
  tenure: 'customer for {days} days',
  interactionsRecent: '{count} interactions in the last 90 days',
  interactionsTotal: '{count} interactions in all',
  dealsOpen: '{count} open deals',
  dealsWon: '{count} won deals',
  dealsLost: '{count} lost deals',
  companyRevenue: "company's annual revenue {amount}",
  industry: 'industry: {value}',
  companySize: 'company size: {value}',
  ticketsTotal: '{count} tickets',
  ticketsOpen: '{count} open tickets',
  ticketsRecent: '{count} tickets in the last 180 days',
  sentimentAverage: 'average sentiment {score}',
  negativeMessages: '{count} negative messages',
  csat: 'satisfaction {score} of 5',
  nps: 'NPS answer {score} of 10',
  leadActivity: '{count} lead activities',
  categoryShare: '{share} % of purchases in {category}',
  categoryNone: 'no purchases in {category}',
  lifecycle: 'lifecycle stage: {stage}',
  customSelect: '{field}: {value}',
  customYes: '{field}: yes',
  customNo: '{field}: no',
  customNumber: '{field}: {value}',
  customDate: '{field}: {days} days ago',
};

export function reasonText(r: Reason): string {
  const t = templates[r.kind] ?? r.kind;
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(r.params[k] ?? ''));
}
