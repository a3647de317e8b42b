// Records whose change history may be read by anyone who may see them: the owning module registers how to check that.
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTrx } from '../db/database.js';

export interface HistorySubject {
  /** Audit entity names whose entries belong to this record's history (e.g. a contact's 'contact' and 'lead'). */
  entities: string[];
  /** Throws a 404 AppError when the actor may not see the record (the module's own getter). */
  ensureVisible(db: Db, actor: Actor, id: string): Promise<void>;
  /** Labels of custom field keys, so a change names "VIP level" and not "vip_level". */
  customFieldLabels?(db: DbOrTrx): Promise<Record<string, string>>;
}

const subjects = new Map<string, HistorySubject>();

export function registerHistorySubject(name: string, subject: HistorySubject): void {
  subjects.set(name, subject);
}

export function historySubject(name: string): HistorySubject | undefined {
  return subjects.get(name);
}

/** The subject whose history holds entries of this audit entity name (for labelling audit entries). */
export function subjectOfEntity(entity: string): HistorySubject | undefined {
  return [...subjects.values()].find((s) => s.entities.includes(entity));
}

export function historySubjectNames(): string[] {
  return [...subjects.keys()];
}

/** Records of another kind whose changes also belong on a subject's history (a contact's tickets). */
export interface HistoryRelation {
  /** The related records' audit entity name ('ticket'). */
  entity: string;
  /** Ids of this subject record's related records that the actor may see (newest first; a few hundred at most). */
  relatedIds(db: DbOrTrx, actor: Actor, id: string): Promise<string[]>;
  /** A label and app path per related id, so a timeline names the record ("#1042 Refund") and links to it. */
  labels(db: DbOrTrx, ids: string[]): Promise<Map<string, { label: string; path: string }>>;
  /** What happened on the related records that counts as an activity on the subject's timeline (a ticket's status
   * changes and messages), newest first, before the (at, id) cursor; the ids are relatedIds' answer. */
  activities?(db: DbOrTrx, ids: string[], opts: { before?: [string, string]; limit: number }): Promise<RelatedActivity[]>;
}

/** One activity of a related record, told on the subject's timeline ("#1042 Refund: solved"). */
export interface RelatedActivity {
  id: string;
  at: string;
  /** The related record's audit entity name ('ticket'). */
  entity: string;
  entityId: string;
  /** What happened: 'created', 'status', 'message' … (the relation's own words, translated by the app). */
  kind: string;
  actorName: string | null;
  /** Details: { from, to } for a status, { direction, channelKind, excerpt } for a message. */
  data: Record<string, unknown>;
}

const relations = new Map<string, HistoryRelation[]>();

export function registerHistoryRelation(subject: string, relation: HistoryRelation): void {
  const list = (relations.get(subject) ?? []).filter((r) => r.entity !== relation.entity);
  relations.set(subject, [...list, relation]);
}

export const historyRelations = (subject: string): readonly HistoryRelation[] => relations.get(subject) ?? [];
