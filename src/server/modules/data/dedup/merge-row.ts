// The rule every merge follows for the survivor's row (contacts and companies alike): each field takes the value the
// user chose (field → source record); otherwise a field the entity combines (custom fields key by key, a contact's
// emails and phones) is built from all records, and any other takes the most recently updated non-empty value.
export type MergeSnap<R> = { row: R; tags: string[] };
type MergeableRow = { id: string; updatedAt: string; custom: string };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || v === '[]' || v === '{}';

/** Custom fields merge key by key: each key keeps its most recent non-empty value. */
export function combineCustomFields(row: Record<string, unknown>, byRecency: MergeSnap<{ custom: string }>[]): void {
  const custom: Record<string, unknown> = {};
  for (const r of [...byRecency].reverse()) for (const [k, v] of Object.entries(JSON.parse(r.row.custom) as Record<string, unknown>)) if (!isEmpty(v)) custom[k] = v;
  row.custom = JSON.stringify(custom);
}

export interface MergeSpec<R extends MergeableRow, F extends string> {
  /** The fields a merge decides, in the order they are decided. */
  fields: readonly F[];
  /** The row columns each API field is stored in; they travel together. */
  columnsOf: Record<F, (keyof R)[]>;
  /** Fields combined from every record rather than picked from one, unless the user chose a source. */
  combine?: Partial<Record<F, (row: Record<string, unknown>, byRecency: MergeSnap<R>[]) => void>>;
}

/**
 * The survivor's row after the merge. `records` holds the survivor and the merged records; `chosen` maps a field to
 * the record whose value wins. The survivor keeps its id and creation time.
 */
export function mergedRecord<R extends MergeableRow, F extends string>(spec: MergeSpec<R, F>, survivor: MergeSnap<R>, records: MergeSnap<R>[], chosen: Partial<Record<F, string>>): MergeSnap<R> {
  // Most recent first; the survivor wins ties.
  const byRecency = [...records].sort((a, b) => (b.row.updatedAt > a.row.updatedAt ? 1 : b.row.updatedAt < a.row.updatedAt ? -1 : a.row.id === survivor.row.id ? -1 : 1));
  const row = { ...survivor.row } as Record<string, unknown>;
  const cell = (r: MergeSnap<R>, column: string) => (r.row as Record<string, unknown>)[column];
  for (const field of spec.fields) {
    const cols = spec.columnsOf[field] as string[];
    const source = chosen[field];
    if (source) {
      const from = records.find((r) => r.row.id === source)!;
      for (const c of cols) row[c] = cell(from, c);
      continue;
    }
    const combine = spec.combine?.[field];
    if (combine) {
      combine(row, byRecency);
      continue;
    }
    const from = byRecency.find((r) => !isEmpty(cell(r, cols[0]!))) ?? survivor;
    for (const c of cols) row[c] = cell(from, c);
  }
  row.updatedAt = new Date().toISOString();
  const tags = [...new Set(records.flatMap((r) => r.tags))].sort();
  return { row: row as R, tags };
}
