// Stage-to-stage conversion: of the deals that entered a stage in the range, how many went on to a later stage (not lost).
import type { Db } from '../../../core/db/database.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import type { Stage } from '../pipelines/pipeline-schemas.js';

export type Conversion = { fromStage: string; toStage: string; entered: number; advanced: number; rate: number | null };

export async function conversionsByOwner(db: Db, actor: Actor, pipelineId: string, stages: Stage[], ownerIds: string[], from: string, to: string): Promise<Map<string, Conversion[]>> {
  const out = new Map<string, Conversion[]>();
  if (!ownerIds.length) return out;
  const rows = await db.kysely
    .selectFrom('dealStageHistory as h')
    .innerJoin('deals as d', 'd.id', 'h.dealId')
    .select(['h.dealId', 'h.stageId', 'd.ownerId'])
    .where('d.pipelineId', '=', pipelineId)
    .where('d.ownerId', 'in', ownerIds)
    .where((eb) => visibleTo(eb, actor, 'd.ownerId', 'd.teamId'))
    .where('h.enteredAt', '>=', from)
    .where('h.enteredAt', '<', to)
    .execute();
  const pos = new Map(stages.map((s) => [s.id, s]));
  const byOwner = new Map<string, Map<string, Set<number>>>();
  for (const r of rows) {
    const s = pos.get(r.stageId);
    if (!s || s.kind === 'lost') continue;
    const deals = byOwner.get(r.ownerId!) ?? new Map<string, Set<number>>();
    deals.set(r.dealId, (deals.get(r.dealId) ?? new Set()).add(s.position));
    byOwner.set(r.ownerId!, deals);
  }
  const path = stages.filter((s) => s.kind !== 'lost');
  for (const owner of ownerIds) {
    const deals = [...(byOwner.get(owner)?.values() ?? [])];
    out.set(
      owner,
      path.slice(0, -1).map((s, i) => {
        const entered = deals.filter((d) => d.has(s.position));
        const advanced = entered.filter((d) => [...d].some((p) => p > s.position)).length;
        return { fromStage: s.name, toStage: path[i + 1]!.name, entered: entered.length, advanced, rate: entered.length ? advanced / entered.length : null };
      }),
    );
  }
  return out;
}

/** Adds up several owners' conversions (a team's). */
export function sumConversions(lists: Conversion[][]): Conversion[] {
  if (!lists.length) return [];
  return lists[0]!.map((c, i) => {
    const entered = lists.reduce((a, l) => a + l[i]!.entered, 0);
    const advanced = lists.reduce((a, l) => a + l[i]!.advanced, 0);
    return { ...c, entered, advanced, rate: entered ? advanced / entered : null };
  });
}
