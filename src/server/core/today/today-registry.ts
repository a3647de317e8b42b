// The Today page is assembled from cards: each module registers the cards it knows (tasks, deals, leads; later tickets,
// alerts, campaign results) here instead of editing the page or its route.
import { z } from 'zod';
import type { Ctx } from '../http/request-context.js';
import type { DayWindow } from './day-window.js';

export const todayItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** A second line: a company, a stage, a record's name. */
  subtitle: z.string().nullable(),
  /** The time that matters for the card (due, starts, expected close, happened). */
  at: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  /** What the item is about, for the link: contact, company, deal, task… */
  entity: z.string(),
  entityId: z.string(),
  /** Who did it, for activity. */
  by: z.string().nullable(),
  /** Card-specific flags the UI may show (overdue, stage name, kind of activity). */
  tags: z.array(z.string()),
});
export type TodayItem = z.infer<typeof todayItemSchema>;

export const todayCardSchema = z.object({
  key: z.string(),
  count: z.number(),
  /** A total amount when the card adds money up (deals closing this month). */
  total: z.number().nullable(),
  currency: z.string().nullable(),
  items: z.array(todayItemSchema),
});
export type TodayCard = z.infer<typeof todayCardSchema>;

export interface TodayContributor {
  key: string;
  /** Cards are shown in this order (lower first). */
  order: number;
  /** The actor's own work only: every row it reads must be one the actor may see. */
  load(ctx: Ctx, day: DayWindow, limit: number): Promise<Omit<TodayCard, 'key'>>;
}

const contributors: TodayContributor[] = [];

export function registerTodayCard(c: TodayContributor): void {
  const i = contributors.findIndex((x) => x.key === c.key);
  if (i >= 0) contributors[i] = c;
  else contributors.push(c);
  contributors.sort((a, b) => a.order - b.order);
}

export async function collectToday(ctx: Ctx, day: DayWindow, limit: number): Promise<TodayCard[]> {
  return Promise.all(contributors.map(async (c) => ({ key: c.key, ...(await c.load(ctx, day, limit)) })));
}

export function item(p: Partial<TodayItem> & Pick<TodayItem, 'id' | 'title' | 'entity' | 'entityId'>): TodayItem {
  return { subtitle: null, at: null, amount: null, currency: null, by: null, tags: [], ...p };
}
