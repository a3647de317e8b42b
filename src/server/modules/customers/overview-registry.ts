// The 360° view is assembled from contributions: each module plugs in its sections and scores here
// instead of editing the customers module.
import type { Ctx } from '../../core/http/request-context.js';

export type OverviewObject = 'contact' | 'company';

export interface OverviewSection {
  key: string;
  title: string;
  items: unknown[];
}

export interface Score {
  key: string;
  label: string;
  value: number;
  max: number;
}

export interface OverviewContributor {
  key: string;
  title: string;
  objects: OverviewObject[];
  /** Leave the section out when it has no items (a household most contacts do not have), instead of an empty card. */
  omitWhenEmpty?: boolean;
  /** Items of the section; the well-known keys recentInteractions and openTasks are lifted to the top level. */
  section?(ctx: Ctx, object: OverviewObject, id: string): Promise<unknown[]>;
  scores?(ctx: Ctx, object: OverviewObject, id: string): Promise<Score[]>;
}

const contributors: OverviewContributor[] = [];

export function registerOverviewContributor(c: OverviewContributor): void {
  const i = contributors.findIndex((x) => x.key === c.key);
  if (i >= 0) contributors[i] = c;
  else contributors.push(c);
}

export async function collectOverview(ctx: Ctx, object: OverviewObject, id: string): Promise<{ sections: OverviewSection[]; scores: Score[] }> {
  const mine = contributors.filter((c) => c.objects.includes(object));
  const [sections, scores] = await Promise.all([
    Promise.all(mine.filter((c) => c.section).map(async (c) => ({ key: c.key, title: c.title, omit: c.omitWhenEmpty, items: await c.section!(ctx, object, id) }))),
    Promise.all(mine.filter((c) => c.scores).map((c) => c.scores!(ctx, object, id))),
  ]);
  return { sections: sections.filter((s) => !(s.omit && s.items.length === 0)).map(({ omit: _omit, ...s }) => s), scores: scores.flat() };
}
