// A stage as edited in the pipeline form (a stable key for drag and drop), its checks and what the API takes.
import type { TFunction } from 'i18next';
import type { Stage } from '../../deals';
import type { StageInput } from '../api/pipeline-mutations';

export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  probability: number | string;
  kind: Stage['kind'];
}

let counter = 0;
export const newKey = () => `new-${++counter}`;

export const draftsOf = (stages: Stage[]): StageDraft[] => stages.map((s) => ({ key: s.id, id: s.id, name: s.name, probability: s.probability, kind: s.kind }));

export function defaultDrafts(t: TFunction): StageDraft[] {
  const open = [['qualification', 10], ['proposal', 50], ['negotiation', 80]] as const;
  return [
    ...open.map(([k, p]) => ({ key: newKey(), name: t(`pipelines.defaults.${k}`), probability: p, kind: 'open' as const })),
    { key: newKey(), name: t('pipelines.defaults.won'), probability: 100, kind: 'won' },
    { key: newKey(), name: t('pipelines.defaults.lost'), probability: 0, kind: 'lost' },
  ];
}

export const toStageInputs = (drafts: StageDraft[]): StageInput[] =>
  drafts.map((d) => ({ ...(d.id ? { id: d.id } : {}), name: d.name.trim(), probability: Number(d.probability), kind: d.kind }));

/** The server's rules, checked before sending: the first broken one as a sentence, else null. */
export function checkDrafts(drafts: StageDraft[], t: TFunction): string | null {
  if (drafts.length < 3) return t('pipelines.errors.tooFew');
  if (drafts.some((d) => !d.name.trim())) return t('pipelines.errors.unnamed');
  const p = drafts.map((d) => Number(d.probability));
  if (drafts.some((d, i) => d.probability === '' || !Number.isInteger(p[i]) || p[i]! < 0 || p[i]! > 100)) return t('pipelines.errors.probability');
  if (!drafts.some((d) => d.kind === 'open')) return t('pipelines.errors.needsOpen');
  if (drafts.filter((d) => d.kind === 'won').length !== 1 || drafts.filter((d) => d.kind === 'lost').length !== 1) return t('pipelines.errors.wonLost');
  if (new Set(drafts.map((d) => d.name.trim().toLowerCase())).size !== drafts.length) return t('pipelines.errors.duplicateNames');
  return null;
}
