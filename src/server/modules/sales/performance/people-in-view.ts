// Whose performance the actor may see: admins everyone, managers their team, everyone else themselves.
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';

export interface Person {
  id: string;
  name: string;
  teamId: string | null;
}

export async function peopleInView(db: Db, actor: Actor, teamId?: string): Promise<Person[]> {
  let q = db.kysely.selectFrom('users').select(['id', 'name', 'teamId']).where('active', '=', 1).orderBy('name');
  if (actor.role === 'admin') {
    if (teamId) q = q.where('teamId', '=', teamId);
  } else if (actor.role === 'manager' && actor.teamId) {
    if (teamId && teamId !== actor.teamId) throw new AppError('forbidden', 'Managers see the performance of their own team');
    q = q.where('teamId', '=', actor.teamId);
  } else {
    if (teamId && teamId !== actor.teamId) throw new AppError('forbidden', 'You see your own performance');
    q = q.where('id', '=', actor.id);
  }
  return q.execute();
}
