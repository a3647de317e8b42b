// Contact values from order rows: exact history and margin per contact, and predictions once the organisation has
// enough buyers (orders simulated from known parameters, turned into dated order rows).
import { describe, expect, it } from 'vitest';
import { seededRandom } from './clv-simulate.js';
import { computeContactValues, type OrderRow } from './compute-contact-values.js';

const now = new Date('2026-12-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const settings = { costPerTicket: 300, horizonDays: 365 };

describe('computeContactValues', () => {
  it('sums revenue, product cost and service cost per contact and says when there is too little data', () => {
    const rows: OrderRow[] = [
      { contactId: 'a', orderedAt: daysAgo(100), total: 5000, cost: 2000 },
      { contactId: 'a', orderedAt: daysAgo(10), total: 3000, cost: 1000 },
      { contactId: 'b', orderedAt: daysAgo(50), total: 1000, cost: 0 },
    ];
    const { values, model } = computeContactValues(rows, new Map([['a', 2]]), settings, now);
    expect(values.find((v) => v.contactId === 'a')).toMatchObject({ orders: 2, revenue: 8000, productCost: 3000, tickets: 2, serviceCost: 600, margin: 4400, firstOrderAt: daysAgo(100), lastOrderAt: daysAgo(10), predictedValue: null });
    expect(values.find((v) => v.contactId === 'b')).toMatchObject({ margin: 1000, tickets: 0 });
    expect(model).toMatchObject({ status: 'tooLittleData', customers: 2, repeatCustomers: 1, bgNbd: null });
  });

  it('fits the models on enough buyers and ranks a recent buyer above one who went quiet', () => {
    const rand = seededRandom(7);
    const rows: OrderRow[] = [];
    // 300 customers buying every ~30–90 days; some stop after a few orders.
    for (let c = 0; c < 300; c++) {
      const gap = 30 + rand() * 60;
      const stopAfter = rand() < 0.4 ? 1 + Math.floor(rand() * 3) : 99;
      for (let d = 400 - rand() * 60, k = 0; d > 0 && k < stopAfter; d -= gap * (0.5 + rand()), k++) rows.push({ contactId: `c${c}`, orderedAt: daysAgo(d), total: 1000 + Math.round(rand() * 2000), cost: 500 });
    }
    rows.push({ contactId: 'recent', orderedAt: daysAgo(300), total: 2000, cost: 0 }, { contactId: 'recent', orderedAt: daysAgo(200), total: 2000, cost: 0 }, { contactId: 'recent', orderedAt: daysAgo(100), total: 2000, cost: 0 }, { contactId: 'recent', orderedAt: daysAgo(5), total: 2000, cost: 0 });
    rows.push({ contactId: 'quiet', orderedAt: daysAgo(390), total: 2000, cost: 0 }, { contactId: 'quiet', orderedAt: daysAgo(370), total: 2000, cost: 0 }, { contactId: 'quiet', orderedAt: daysAgo(350), total: 2000, cost: 0 }, { contactId: 'quiet', orderedAt: daysAgo(330), total: 2000, cost: 0 });
    const { values, model } = computeContactValues(rows, new Map(), settings, now);
    expect(model.status).toBe('fitted');
    const recent = values.find((v) => v.contactId === 'recent')!;
    const quiet = values.find((v) => v.contactId === 'quiet')!;
    expect(recent.probabilityAlive!).toBeGreaterThan(quiet.probabilityAlive!);
    expect(recent.predictedValue!).toBeGreaterThan(quiet.predictedValue!);
    expect(recent.expectedOrderValue!).toBeGreaterThan(0);
    expect(recent.predictedValue).toBe(Math.round(recent.expectedOrders! * recent.expectedOrderValue!));
  });
});
