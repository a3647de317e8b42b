// A model's structured reason {kind, params} and a feature's name in the reader's language (never raw keys).
import type { TFunction } from 'i18next';
import type { FeatureDef, Reason } from '../api/models';

export function reasonWords(t: TFunction, r: Reason): string {
  const params: Record<string, string | number> = { ...r.params };
  if (typeof params.stage === 'string') params.stage = t(`stages.${params.stage}`, { defaultValue: params.stage });
  return t(`models.reasons.${r.kind}`, { ...params, defaultValue: t('models.reasons.other') });
}

export function featureName(t: TFunction, d: FeatureDef): string {
  if (d.source === 'custom' && d.field) return d.value ? `${d.field.label}: ${d.value}` : d.field.label;
  if (d.source === 'category') return t('models.features.category', { category: d.value });
  if (d.key.startsWith('industry:')) return t('models.features.industry', { value: d.value });
  if (d.key.startsWith('size:')) return t('models.features.size', { value: d.value });
  if (d.source === 'lifecycle') return t('models.features.lifecycle', { stage: t(`stages.${d.value}`, { defaultValue: d.value }) });
  return t(`models.features.${d.key}`, { defaultValue: t('models.features.other') });
}
