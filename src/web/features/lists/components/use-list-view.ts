// A list's view: the saved view in use (?view=), the columns shown (the view's, else this browser's choice) and the
// state a new or updated view stores (filters, sort, columns). The list names which address-bar keys are filters.
import { useState } from 'react';
import { useCustomFields } from '../../../api/shared-queries';
import { useSavedViews, type SavedView, type SavedViewState } from '../api/saved-views';

export interface ListViewConfig<K extends string> {
  object: 'contact' | 'company';
  /** Address-bar key → the API's filter name kept in a view (stage → lifecycleStage). */
  filterKeys: Partial<Record<K, string>>;
  defaultColumns: string[];
}

const storeKey = (object: string) => `rapport.${object}s.columns`;

function storedColumns(object: string): string[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(storeKey(object)) ?? 'null');
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

export function useListView<K extends string>(config: ListViewConfig<K>, p: Record<K | 'sort' | 'view', string>, setP: (patch: Partial<Record<K | 'sort' | 'view', string | null>>) => void) {
  const { object, filterKeys, defaultColumns } = config;
  const customFields = useCustomFields(object).data ?? [];
  const views = useSavedViews(object).data ?? [];
  const active = views.find((v) => v.id === p.view) ?? null;
  const [local, setLocal] = useState<string[]>(() => storedColumns(object) ?? defaultColumns);
  // Columns changed while a view is open stay unsaved until "save to this view".
  const [override, setOverride] = useState<{ view: string; columns: string[] } | null>(null);
  const columns = active ? (override?.view === active.id ? override.columns : (active.state.columns ?? defaultColumns)) : local;
  const entries = Object.entries(filterKeys) as [K, string][];

  const setColumns = (cols: string[]) => {
    if (active) setOverride({ view: active.id, columns: cols });
    else {
      setLocal(cols);
      localStorage.setItem(storeKey(object), JSON.stringify(cols));
    }
  };
  const filters = Object.fromEntries(entries.filter(([k]) => p[k]).map(([k, api]) => [api, p[k]]));
  const current: SavedViewState = { filters, sort: p.sort || null, columns };
  const selectView = (v: SavedView | null) => {
    setOverride(null);
    const f = v?.state.filters ?? {};
    setP({ view: v?.id ?? null, sort: v?.state.sort ?? null, ...Object.fromEntries(entries.map(([k, api]) => [k, f[api] ?? null])) } as Partial<Record<K | 'sort' | 'view', string | null>>);
  };
  return { customFields, columns, setColumns, current, selectView };
}
