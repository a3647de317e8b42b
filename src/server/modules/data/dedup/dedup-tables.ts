// Tables of duplicate detection and merging: suggested pairs with their score and reasons, and undoable merges.
import type { Generated } from 'kysely';
export interface DuplicatePairsTable {
  id: string;
  entity: 'contact' | 'company';
  /** The two records, ordered so (entity, aId, bId) is unique whichever way the pair was found. */
  aId: string;
  bId: string;
  score: number;
  reasons: string; // JSON array of { field, kind, detail, weight }
  status: 'open' | 'dismissed' | 'merged';
  detectedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface MergesTable {
  id: string;
  /** Which kind of record the merge joined (defaults to contact, as every merge did before companies). */
  entity: Generated<'contact' | 'company'>;
  survivorId: string;
  mergedIds: string; // JSON array
  /** JSON: the survivor's row and tags before, the merged rows and tags, and the related record ids moved per participant. */
  snapshot: string;
  mergedBy: string | null;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface DedupTables {
  duplicatePairs: DuplicatePairsTable;
  merges: MergesTable;
}
