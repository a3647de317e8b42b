// Places a deal inside its board column: fractional positions, so a move rewrites only the moved deal.
import type { DbOrTrx } from '../../../core/db/database.js';

export async function endPosition(db: DbOrTrx, stageId: string): Promise<number> {
  const last = await db.selectFrom('deals').select('position').where('stageId', '=', stageId).orderBy('position', 'desc').limit(1).executeTakeFirst();
  return last ? Math.floor(Number(last.position)) + 1 : 1;
}

/** The position that puts a deal at 0-based `index` in the column, among the other deals in it. */
export async function positionAt(db: DbOrTrx, stageId: string, index: number, movingId: string): Promise<number> {
  const around = await db
    .selectFrom('deals')
    .select('position')
    .where('stageId', '=', stageId)
    .where('id', '!=', movingId)
    .orderBy('position')
    .orderBy('id')
    .offset(Math.max(0, index - 1))
    .limit(2)
    .execute();
  const pos = around.map((r) => Number(r.position));
  if (index === 0) return pos.length ? pos[0]! - 1 : 1;
  if (pos.length === 0) return endPosition(db, stageId);
  if (pos.length === 1) return pos[0]! + 1;
  return (pos[0]! + pos[1]!) / 2;
}
