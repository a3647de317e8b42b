// Model scores as columns of the contacts list: the models that score contacts (one column each, key model.<id>,
// sortable on the server) and the scores of the contacts on screen, read in one request per page.
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useModels } from './models';

export interface ScoreOfContact {
  contactId: string;
  modelId: string;
  score: number;
  high: boolean;
}

export const modelColumnKey = (modelId: string) => `model.${modelId}`;

/** Column options for the models with an active version, and each shown column's scores by contact id. */
export function useModelScoreColumns(contactIds: string[], shownColumns: string[]) {
  const models = (useModels().data?.data ?? []).filter((m) => m.activeVersion !== null);
  const options = models.map((m) => ({ key: modelColumnKey(m.id), label: m.name }));
  const shown = options.filter((o) => shownColumns.includes(o.key));
  // The server takes up to 200 ids a request: one request per 200 rows loaded (the list loads 50 a page).
  const chunks: string[][] = [];
  for (let i = 0; i < contactIds.length; i += 200) chunks.push(contactIds.slice(i, i + 200));
  const results = useQueries({
    queries: chunks.map((ids) => ({
      queryKey: ['model-scores-of', ids],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ data: ScoreOfContact[] }>('/intelligence/model-scores', { contactIds: ids.join(',') }, signal),
      enabled: shown.length > 0,
    })),
  });
  const byKey = new Map<string, ScoreOfContact>();
  for (const r of results) for (const s of r.data?.data ?? []) byKey.set(`${s.modelId}:${s.contactId}`, s);
  return { options, shown, scoreOf: (columnKey: string, contactId: string) => byKey.get(`${columnKey.slice('model.'.length)}:${contactId}`) ?? null };
}
