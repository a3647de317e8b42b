// The trigger of a journey: a segment entered, an event (form submitted, deal won, order created, or any event type
// with a payload filter), a date field N days before/after (birthday or a date custom field), or manual enrolment.
import { Checkbox, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { useCanCall } from '../../auth';
import { usePipelines } from '../../deals';
import { useSegments } from '../../segments';
import { useWebFormDirectory } from '../../web-tracking';
import type { Trigger } from '../api/journeys';
import { TriggerRecordSelect } from './trigger-record-select';

type Choice = 'segment' | 'form' | 'deal_won' | 'order' | 'event' | 'date' | 'manual';

export function choiceOf(t: Trigger): Choice {
  if (t.kind !== 'event') return t.kind;
  if (t.eventType === 'form.submitted') return 'form';
  if (t.eventType === 'deal.stage_changed' && t.filter?.status === 'won') return 'deal_won';
  if (t.eventType === 'order.created' && !t.filter) return 'order';
  return 'event';
}

const fresh: Record<Choice, Trigger> = {
  segment: { kind: 'segment', segmentId: '' },
  form: { kind: 'event', eventType: 'form.submitted' },
  deal_won: { kind: 'event', eventType: 'deal.stage_changed', filter: { status: 'won' } },
  order: { kind: 'event', eventType: 'order.created' },
  event: { kind: 'event', eventType: '' },
  date: { kind: 'date', field: 'birthday', offsetDays: 0, annual: true },
  manual: { kind: 'manual' },
};

export function TriggerPicker({ trigger, errors, onChange }: { trigger: Trigger; errors: Record<string, string>; onChange: (t: Trigger) => void }) {
  const { t } = useTranslation();
  const choice = choiceOf(trigger);
  const segments = useSegments();
  const dates = useCustomFields('contact');
  const err = (k: string) => errors[`trigger.${k}`];
  const filter = trigger.kind === 'event' ? (trigger.filter ?? {}) : {};
  const setFilter = (key: string, value: string) => {
    if (trigger.kind !== 'event') return;
    const next = { ...filter, [key]: value };
    if (!value) delete next[key];
    onChange({ ...trigger, filter: Object.keys(next).length ? next : undefined });
  };
  return (
    <Stack gap="xs">
      <Select label={t('journeys.trigger.label')} data={(Object.keys(fresh) as Choice[]).map((c) => ({ value: c, label: t(`journeys.trigger.${c}`) }))} value={choice} onChange={(v) => v && onChange(fresh[v as Choice])} allowDeselect={false} data-testid="trigger-kind" error={err('kind')} />
      {trigger.kind === 'segment' && <Select label={t('journeys.trigger.segment')} data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={trigger.segmentId || null} onChange={(v) => onChange({ kind: 'segment', segmentId: v ?? '' })} error={err('segmentId')} searchable />}
      {choice === 'form' && <FormSelect value={String(filter.formId ?? '')} onChange={(id) => setFilter('formId', id)} />}
      {choice === 'deal_won' && <PipelineSelect value={String(filter.pipelineId ?? '')} onChange={(id) => setFilter('pipelineId', id)} />}
      {choice === 'event' && trigger.kind === 'event' && (
        <TextInput label={t('journeys.trigger.eventType')} placeholder="lead.created" value={trigger.eventType} onChange={(e) => onChange({ ...trigger, eventType: e.currentTarget.value.trim() })} error={err('eventType')} />
      )}
      {trigger.kind === 'date' && (
        <>
          <Select label={t('journeys.trigger.dateField')} data={[{ value: 'birthday', label: t('journeys.trigger.birthday') }, ...(dates.data ?? []).filter((f) => f.type === 'date').map((f) => ({ value: `cf.${f.key}`, label: f.label }))]} value={trigger.field} onChange={(v) => onChange({ ...trigger, field: v ?? 'birthday' })} error={err('field')} allowDeselect={false} />
          <Group grow>
            <NumberInput label={t('journeys.trigger.offsetDays')} description={t('journeys.trigger.offsetHint')} min={-365} max={365} value={trigger.offsetDays} onChange={(v) => onChange({ ...trigger, offsetDays: Number(v) || 0 })} error={err('offsetDays')} />
            <Checkbox mt="lg" label={t('journeys.trigger.annual')} checked={trigger.annual} onChange={(e) => onChange({ ...trigger, annual: e.currentTarget.checked })} />
          </Group>
        </>
      )}
    </Stack>
  );
}

// Mounted only for their trigger, so a journey started by a segment never asks for forms or pipelines.
function FormSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const forms = useWebFormDirectory();
  const canCreate = useCanCall('POST /web-forms');
  const query = { ...forms, data: forms.data?.map((f) => ({ id: f.id, name: f.name, note: f.enabled ? undefined : t('journeys.trigger.formOff') })) };
  return (
    <TriggerRecordSelect label={t('journeys.trigger.webForm')} any={t('journeys.trigger.anyForm')} deleted={t('journeys.trigger.deletedForm')} deletedHint={t('journeys.trigger.deletedFormHint')}
      empty={t('journeys.trigger.noForms')} createLink={canCreate ? { to: '/settings?tab=forms', label: t('journeys.trigger.createForm') } : undefined}
      query={query} value={value} onChange={onChange} testId="trigger-form-id" />
  );
}

function PipelineSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const canCreate = useCanCall('POST /pipelines');
  return (
    <TriggerRecordSelect label={t('journeys.trigger.pipeline')} any={t('journeys.trigger.anyPipeline')} deleted={t('journeys.trigger.deletedPipeline')} deletedHint={t('journeys.trigger.deletedPipelineHint')}
      empty={t('journeys.trigger.noPipelines')} createLink={canCreate ? { to: '/settings?tab=pipelines', label: t('journeys.trigger.createPipeline') } : undefined}
      query={pipelines} value={value} onChange={onChange} testId="trigger-pipeline-id" />
  );
}
