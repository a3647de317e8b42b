// The contacts list's view: the saved view in use (?view=), the columns shown (the view's, else this browser's
// choice) and the state a new or updated view stores (filters, sort, columns).
import { useState } from 'react';
import { useCustomFields } from '../../../api/shared-queries';
import { useSavedViews, type SavedView, type SavedViewState } from '../api/saved-views';
import { DEFAULT_COLUMNS, storeColumns, storedColumns } from './contact-columns';

type Keys = 'q' | 'stage' | 'owner' | 'tag' | 'sort' | 'view';
type Params = Record<Keys, string>;

export function useListView(p: Params, setP: (patch: Partial<Record<Keys, string | null>>) => void) {
  const customFields = useCustomFields('contact').data ?? [];
  const views = useSavedViews('contact').data ?? [];
  const active = views.find((v) => v.id === p.view) ?? null;
  const [local, setLocal] = useState<string[]>(() => storedColumns() ?? DEFAULT_COLUMNS);
  // Columns changed while a view is open stay unsaved until "save to this view".
  const [override, setOverride] = useState<{ view: string; columns: string[] } | null>(null);
  const columns = active ? (override?.view === active.id ? override.columns : (active.state.columns ?? DEFAULT_COLUMNS)) : local;

  const setColumns = (cols: string[]) => {
    if (active) setOverride({ view: active.id, columns: cols });
    else {
      setLocal(cols);
      storeColumns(cols);
    }
  };
  const filters = Object.fromEntries(Object.entries({ q: p.q, lifecycleStage: p.stage, ownerId: p.owner, tag: p.tag }).filter(([, v]) => v)) as Record<string, string>;
  const current: SavedViewState = { filters, sort: p.sort || null, columns };
  const selectView = (v: SavedView | null) => {
    setOverride(null);
    const f = v?.state.filters ?? {};
    setP({ view: v?.id ?? null, q: f.q ?? null, stage: f.lifecycleStage ?? null, owner: f.ownerId ?? null, tag: f.tag ?? null, sort: v?.state.sort ?? null });
  };
  return { customFields, columns, setColumns, current, selectView };
}
