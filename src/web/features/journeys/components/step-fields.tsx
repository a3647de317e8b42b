// The inputs of one step by kind (everything but a branch's lists): wait duration and window, e-mail subject and body
// with variables, task, owner, field, tag, webhook. Server problems show at their path (steps[1].subject).
import { Checkbox, Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import type { Step } from '../api/journeys';

interface Props {
  step: Step;
  path: string;
  errors: Record<string, string>;
  onChange: (s: Step) => void;
}

const STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'];

export function StepFields({ step, path, errors, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUserDirectory(step.kind === 'task' || step.kind === 'assign_owner');
  const set = (patch: Record<string, unknown>) => onChange({ ...step, ...patch });
  const err = (field: string) => errors[`${path}.${field}`];
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  switch (step.kind) {
    case 'wait': {
      const window = step.window as { weekdays: number[]; from: string; to: string } | undefined;
      return (
        <>
          <Group grow>
            <NumberInput label={t('journeys.step.amount')} min={1} value={(step.amount as number) ?? ''} onChange={(v) => set({ amount: v === '' ? undefined : Number(v) })} error={err('amount')} />
            <Select label={t('journeys.step.unit')} data={['minutes', 'hours', 'days'].map((u) => ({ value: u, label: t(`journeys.units.${u}`) }))} value={(step.unit as string) ?? null} onChange={(v) => set({ unit: v ?? undefined })} error={err('unit')} allowDeselect={false} />
          </Group>
          <Checkbox label={t('journeys.step.window')} checked={Boolean(window)} onChange={(e) => set({ window: e.currentTarget.checked ? { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' } : undefined })} />
          {window && (
            <>
              <Checkbox.Group value={window.weekdays.map(String)} onChange={(v) => set({ window: { ...window, weekdays: v.map(Number).sort() } })} error={err('window.weekdays')}>
                <Group gap="xs" mt={4}>
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => <Checkbox key={d} value={String(d)} label={t(`journeys.weekdays.${d}`)} />)}
                </Group>
              </Checkbox.Group>
              <Group grow>
                <TextInput label={t('journeys.step.from')} value={window.from} onChange={(e) => set({ window: { ...window, from: e.currentTarget.value } })} error={err('window.from')} />
                <TextInput label={t('journeys.step.to')} value={window.to} onChange={(e) => set({ window: { ...window, to: e.currentTarget.value } })} error={err('window.to')} />
              </Group>
            </>
          )}
        </>
      );
    }
    case 'email':
      return (
        <>
          <TextInput label={t('journeys.step.subject')} value={step.subject as string} onChange={(e) => set({ subject: e.currentTarget.value })} error={err('subject')} data-testid="email-subject" />
          <Textarea label={t('journeys.step.body')} description={t('journeys.step.variables')} autosize minRows={3} value={step.body as string} onChange={(e) => set({ body: e.currentTarget.value })} error={err('body')} data-testid="email-body" />
        </>
      );
    case 'task':
      return (
        <>
          <TextInput label={t('journeys.step.subject')} value={step.subject as string} onChange={(e) => set({ subject: e.currentTarget.value })} error={err('subject')} />
          <Group grow>
            <Select label={t('journeys.step.assignTo')} data={[{ value: 'owner', label: t('journeys.step.contactOwner') }, ...userOptions]} value={step.assignTo as string} onChange={(v) => set({ assignTo: v ?? 'owner' })} error={err('assignTo')} allowDeselect={false} />
            <NumberInput label={t('journeys.step.dueInDays')} min={0} max={365} value={(step.dueInDays as number) ?? ''} onChange={(v) => set({ dueInDays: v === '' ? undefined : Number(v) })} error={err('dueInDays')} />
          </Group>
        </>
      );
    case 'assign_owner':
      return <Select label={t('journeys.step.owner')} data={userOptions} value={(step.userId as string) || null} onChange={(v) => set({ userId: v ?? '' })} error={err('userId')} searchable />;
    case 'update_field':
      return (
        <Group grow>
          <Select label={t('journeys.step.field')} data={['lifecycleStage', 'title', 'source'].map((f) => ({ value: f, label: t(`journeys.fields.${f}`) }))} value={step.field as string} onChange={(v) => set({ field: v ?? 'lifecycleStage', value: v === 'lifecycleStage' ? 'qualified' : '' })} error={err('field')} allowDeselect={false} />
          {step.field === 'lifecycleStage' ? (
            <Select label={t('journeys.step.value')} data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))} value={step.value as string} onChange={(v) => set({ value: v })} error={err('value')} allowDeselect={false} />
          ) : (
            <TextInput label={t('journeys.step.value')} value={(step.value as string) ?? ''} onChange={(e) => set({ value: e.currentTarget.value })} error={err('value')} />
          )}
        </Group>
      );
    case 'tag':
      return (
        <Group grow>
          <Select label={t('journeys.step.action')} data={[{ value: 'add', label: t('journeys.step.addTag') }, { value: 'remove', label: t('journeys.step.removeTag') }]} value={step.action as string} onChange={(v) => set({ action: v ?? 'add' })} allowDeselect={false} />
          <TextInput label={t('journeys.step.tag')} value={step.tag as string} onChange={(e) => set({ tag: e.currentTarget.value })} error={err('tag')} data-testid="tag-name" />
        </Group>
      );
    case 'webhook':
      return <TextInput label={t('journeys.step.url')} description={t('journeys.step.urlHint')} value={step.url as string} onChange={(e) => set({ url: e.currentTarget.value })} error={err('url')} />;
    default:
      return null;
  }
}
