// The form that defines a model: name, kind, the label of a custom model (a yes/no custom field or a lifecycle
// stage), the window in days and the threshold.
import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { modelKinds, useCreateModel, type ModelConfig, type ModelKind } from '../api/models';

const STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'];

export function ModelForm({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const fields = useCustomFields('contact');
  const create = useCreateModel();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ModelKind>('churn');
  const [churnBy, setChurnBy] = useState<'lifecycle' | 'window'>('lifecycle');
  const [labelType, setLabelType] = useState<'customField' | 'lifecycle'>('customField');
  const [labelKey, setLabelKey] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>('churned');
  const [windowDays, setWindowDays] = useState<number>(90);
  const [threshold, setThreshold] = useState<number>(50);
  const booleans = (fields.data ?? []).filter((f) => f.type === 'boolean').map((f) => ({ value: f.key, label: f.label }));

  const submit = () => {
    const config: ModelConfig = { windowDays };
    if (kind === 'churn') config.churnBy = churnBy;
    if (kind === 'custom') config.label = labelType === 'customField' ? { type: 'customField', key: labelKey ?? '' } : { type: 'lifecycle', stage: stage ?? 'churned' };
    create.mutate(
      { name: name.trim() || t(`models.kinds.${kind}`), kind, threshold: threshold / 100, config },
      {
        onSuccess: (m) => onDone(m.id),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="model-form">
      <TextInput label={t('models.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder={t(`models.kinds.${kind}`)} data-testid="model-name" />
      <Select label={t('models.form.kind')} data={modelKinds.map((k) => ({ value: k, label: t(`models.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as ModelKind)} allowDeselect={false} data-testid="model-kind" />
      {kind === 'churn' && (
        <SegmentedControl fullWidth value={churnBy} onChange={(v) => setChurnBy(v as 'lifecycle' | 'window')} data={[{ value: 'lifecycle', label: t('models.form.churnByLifecycle') }, { value: 'window', label: t('models.form.churnByWindow') }]} />
      )}
      {kind === 'custom' && (
        <>
          <SegmentedControl fullWidth value={labelType} onChange={(v) => setLabelType(v as 'customField' | 'lifecycle')} data={[{ value: 'customField', label: t('models.form.labelField') }, { value: 'lifecycle', label: t('models.form.labelStage') }]} />
          {labelType === 'customField' ? (
            <Select label={t('models.form.labelFieldPick')} description={t('models.form.labelFieldHelp')} data={booleans} value={labelKey} onChange={setLabelKey} nothingFoundMessage={t('models.form.noBooleans')} data-testid="model-label-field" />
          ) : (
            <Select label={t('models.form.labelStagePick')} data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))} value={stage} onChange={setStage} />
          )}
        </>
      )}
      {(kind === 'propensity' || kind === 'lead_conversion' || (kind === 'churn' && churnBy === 'window')) && (
        <NumberInput label={t('models.form.window')} description={t(`models.form.windowHelp.${kind}`)} min={7} max={730} value={windowDays} onChange={(v) => setWindowDays(Number(v) || 90)} />
      )}
      <NumberInput label={t('models.form.threshold')} description={t('models.form.thresholdHelp')} min={1} max={99} suffix=" %" value={threshold} onChange={(v) => setThreshold(Number(v) || 50)} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} disabled={kind === 'custom' && labelType === 'customField' && !labelKey} data-testid="model-create">{t('models.form.create')}</Button>
      </Group>
    </Stack>
  );
}
