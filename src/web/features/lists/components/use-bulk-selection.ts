// Which rows of a list are selected: ids picked on the loaded pages, or "all matching the filter" (never a list of ids).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BulkSelection, ListFilter } from '../api/bulk-records';

export interface BulkSelectionState {
  count: number;
  allMatching: boolean;
  /** Every loaded row is selected (the moment to offer "all matching"). */
  pageSelected: boolean;
  someSelected: boolean;
  isSelected(id: string): boolean;
  toggle(id: string): void;
  togglePage(): void;
  selectAllMatching(): void;
  clear(): void;
  toRequest(): BulkSelection;
}

export function useBulkSelection(rowIds: string[], filter: ListFilter): BulkSelectionState {
  const [ids, setIds] = useState<Set<string>>(() => new Set());
  const [allMatching, setAllMatching] = useState(false);
  const filterKey = JSON.stringify(filter);
  // Another filter is another set of rows: a selection never carries over to it.
  useEffect(() => {
    setIds(new Set());
    setAllMatching(false);
  }, [filterKey]);
  const pageSelected = rowIds.length > 0 && rowIds.every((id) => ids.has(id));
  const clear = useCallback(() => {
    setIds(new Set());
    setAllMatching(false);
  }, []);
  return useMemo(
    () => ({
      count: allMatching ? rowIds.length : ids.size,
      allMatching,
      pageSelected: allMatching || pageSelected,
      someSelected: allMatching || ids.size > 0,
      isSelected: (id: string) => allMatching || ids.has(id),
      toggle: (id: string) => {
        if (allMatching) {
          // Unticking one row of "all matching" falls back to the loaded rows without it.
          setAllMatching(false);
          setIds(new Set(rowIds.filter((x) => x !== id)));
          return;
        }
        const next = new Set(ids);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        setIds(next);
      },
      togglePage: () => (allMatching || pageSelected ? clear() : setIds(new Set([...ids, ...rowIds]))),
      selectAllMatching: () => setAllMatching(true),
      clear,
      toRequest: (): BulkSelection => (allMatching ? { filter } : { ids: [...ids] }),
    }),
    [allMatching, ids, pageSelected, rowIds, clear, filter],
  );
}
