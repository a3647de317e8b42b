// The survivor's row on undo of a merge (contacts and companies alike): each column goes back to its value before
// the merge where the merge's value is still there, else the later edit stays; the tags the merge added go.
type Snap<R> = { row: R; tags: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function revertedSurvivor<R extends { id: string }>(current: Snap<R>, snap: { survivor: Snap<R>; survivorAfter: Snap<R> }): Snap<R> {
  const row = { ...current.row } as Record<string, unknown>;
  const before = snap.survivor.row as Record<string, unknown>;
  const after = snap.survivorAfter.row as Record<string, unknown>;
  for (const col of Object.keys(before)) if (col !== 'id' && same(row[col], after[col])) row[col] = before[col];
  // A merge only ever adds tags to the survivor (the union), so undoing it removes the ones it added.
  const added = new Set(snap.survivorAfter.tags.filter((t) => !snap.survivor.tags.includes(t)));
  const tags = current.tags.filter((t) => !added.has(t));
  return { row: row as R, tags };
}
