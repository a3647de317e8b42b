// Tickets in the one search index (search_index): subject and number, so the global search and the list's q find
// "#1042", "1042" or any part of the subject, in Chinese too.
import type { DbOrTrx, Engine } from '../../../core/db/database.js';
import { indexEntity, unindexEntity } from '../../customers/index.js';

export async function indexTicket(db: DbOrTrx, engine: Engine, t: { id: string; number: number; subject: string }): Promise<void> {
  await indexEntity(db, engine, 'ticket', t.id, { names: [t.subject], extra: [`#${t.number}`] });
}

export async function unindexTicket(db: DbOrTrx, id: string): Promise<void> {
  await unindexEntity(db, 'ticket', id);
}
