// The date a deal shows as its close date: the day it was won or lost once closed, else the expected close date.
import type { Deal } from './deal-types.js';

export function closeDateOf(d: Pick<Deal, 'status' | 'closedAt' | 'expectedCloseDate'>): string | null {
  return d.status !== 'open' && d.closedAt ? d.closedAt : d.expectedCloseDate;
}
