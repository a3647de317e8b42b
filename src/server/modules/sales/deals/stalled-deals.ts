// Open deals that have stayed in their stage longer than deals usually do: the median time in that stage from the
// stage history (stages with fewer than MIN_SAMPLES finished stays have no "usual" time yet). Read-only, for alerts.
import type { DbOrTrx } from '../../../core/db/database.js';

const MIN_SAMPLES = 3;
const DAY_MS = 86_400_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median days spent in each stage, over finished stays, for stages with enough of them. */
export async function medianDaysInStage(db: DbOrTrx): Promise<Map<string, { days: number; samples: number }>> {
  const rows = await db.selectFrom('dealStageHistory').select(['stageId', 'enteredAt', 'leftAt']).where('leftAt', 'is not', null).execute();
  const byStage = new Map<string, number[]>();
  for (const r of rows) {
    const d = (Date.parse(r.leftAt!) - Date.parse(r.enteredAt)) / DAY_MS;
    if (d < 0) continue;
    const days = byStage.get(r.stageId);
    if (days) days.push(d);
    else byStage.set(r.stageId, [d]);
  }
  const out = new Map<string, { days: number; samples: number }>();
  for (const [stageId, days] of byStage) if (days.length >= MIN_SAMPLES) out.set(stageId, { days: median(days), samples: days.length });
  return out;
}

export interface StalledDeal {
  dealId: string;
  name: string;
  stageName: string;
  stageEnteredAt: string;
  daysInStage: number;
  medianDays: number;
  ownerId: string | null;
  teamId: string | null;
  companyId: string | null;
  contactId: string | null;
}

export async function dealsStalledPastUsualTime(db: DbOrTrx, now: Date): Promise<StalledDeal[]> {
  const medians = await medianDaysInStage(db);
  const out: StalledDeal[] = [];
  for (const [stageId, m] of medians) {
    const before = new Date(now.getTime() - m.days * DAY_MS).toISOString();
    const rows = await db
      .selectFrom('deals as d')
      .innerJoin('pipelineStages as s', 's.id', 'd.stageId')
      .select((eb) => ['d.id', 'd.name', 's.name as stageName', 'd.stageEnteredAt', 'd.ownerId', 'd.teamId', 'd.companyId', eb.selectFrom('dealContacts as dc').select('dc.contactId').whereRef('dc.dealId', '=', 'd.id').orderBy('dc.id').limit(1).as('contactId')])
      .where('d.stageId', '=', stageId)
      .where('d.status', '=', 'open')
      .where('d.stageEnteredAt', '<', before)
      .execute();
    for (const r of rows) {
      out.push({ dealId: r.id, name: r.name, stageName: r.stageName, stageEnteredAt: r.stageEnteredAt, daysInStage: Math.floor((now.getTime() - Date.parse(r.stageEnteredAt)) / DAY_MS), medianDays: Math.round(m.days * 10) / 10, ownerId: r.ownerId, teamId: r.teamId, companyId: r.companyId, contactId: r.contactId ?? null });
    }
  }
  return out;
}
