// A journey's page (new or existing): name, trigger, the steps as cards (branches with two indented lists), a goal
// (segment rules) and re-entry; save, activate / pause, delete; for a saved journey its analytics and enrolments,
// and enrolling a segment's members by hand.
import { Alert, Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Tabs, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { RuleGroup, newCondition, useSegmentFields, useSegments } from '../../segments';
import { useDeleteJourney, useEnrolSegment, useJourney, useJourneyStatus, useSaveJourney, type JourneyInput } from '../api/journeys';
import { JourneyAnalytics } from '../components/journey-analytics';
import { StepList } from '../components/step-list';
import { newStep } from '../components/step-defaults';
import { TriggerPicker } from '../components/trigger-picker';
import { statusColors } from './journeys-list';

const blank = (): JourneyInput => ({ name: '', description: null, trigger: { kind: 'event', eventType: 'form.submitted' }, steps: [newStep('email')], goal: null, reentry: 'never', reentryDays: null });

export function JourneyEditRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useJourney(id);
  const fields = useSegmentFields();
  const segments = useSegments();
  const save = useSaveJourney(id);
  const status = useJourneyStatus();
  const remove = useDeleteJourney();
  const enrol = useEnrolSegment();
  const [form, setForm] = useState<JourneyInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [enrolSegment, setEnrolSegment] = useState<string | null>(null);

  useEffect(() => {
    if (form) return;
    if (id && existing.data) {
      const j = existing.data;
      setForm({ name: j.name, description: j.description, trigger: j.trigger, steps: j.steps, goal: j.goal, reentry: j.reentry, reentryDays: j.reentryDays });
    } else if (!id) setForm(blank());
  }, [id, existing.data, form]);

  if (existing.isError) return <ErrorAlert error={existing.error} />;
  if (!form) return <ListSkeleton rows={4} />;
  const journey = existing.data;
  const locked = journey?.status === 'active';
  const set = (patch: Partial<JourneyInput>) => setForm({ ...form, ...patch });
  const fail = (err: unknown) => {
    setErrors(formErrorsFrom(err));
    notifications.show({ color: 'red', message: errorMessage(err, t) });
  };

  const submit = async () => {
    setErrors({});
    try {
      const body = locked ? ({ name: form.name, description: form.description?.trim() || null } as JourneyInput) : { ...form, description: form.description?.trim() || null };
      const saved = await save.mutateAsync(body);
      notifications.show({ color: 'green', message: t('journeys.saved') });
      // A new journey opens as its own page (which loads it); a saved one reloads what the server kept.
      if (!id) navigate(`/journeys/${saved.id}`, { replace: true });
      else setForm(null);
    } catch (err) {
      fail(err);
    }
  };
  const toggle = async () => {
    try {
      await status.mutateAsync({ id: id!, action: locked ? 'pause' : 'activate' });
      notifications.show({ color: 'green', message: t(locked ? 'journeys.paused' : 'journeys.activated') });
    } catch (err) {
      fail(err);
    }
  };
  const enrolNow = async () => {
    try {
      const r = await enrol.mutateAsync({ id: id!, segmentId: enrolSegment! });
      notifications.show({ color: 'green', message: t('journeys.enrolled', { count: r.enrolled }) });
    } catch (err) {
      fail(err);
    }
  };
  const del = async () => {
    if (!window.confirm(t('journeys.confirmDelete'))) return;
    await remove.mutateAsync(id!);
    navigate('/journeys');
  };

  const editor = (
    <Stack gap="md">
      {locked && <Alert color="yellow" variant="light">{t('journeys.lockedHint')}</Alert>}
      <Card withBorder>
        <Stack gap="xs">
          <TextInput label={t('journeys.name')} required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-testid="journey-name" />
          <Textarea label={t('journeys.description')} autosize minRows={1} value={form.description ?? ''} onChange={(e) => set({ description: e.currentTarget.value })} />
        </Stack>
      </Card>
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <Card withBorder>
            <Title order={5} mb="xs">{t('journeys.trigger.title')}</Title>
            <TriggerPicker trigger={form.trigger} errors={errors} onChange={(trigger) => set({ trigger })} />
          </Card>
          <div>
            <Title order={5} mb="xs">{t('journeys.steps')}</Title>
            <StepList steps={form.steps} path="steps" errors={errors} onChange={(steps) => set({ steps })} />
          </div>
          <Card withBorder>
            <Title order={5} mb="xs">{t('journeys.goal.title')}</Title>
            <Checkbox label={t('journeys.goal.enable')} checked={form.goal !== null} onChange={(e) => set({ goal: e.currentTarget.checked && fields.data?.[0] ? { combinator: 'and', children: [newCondition(fields.data[0])] } : null })} mb="xs" />
            {form.goal && fields.data && <RuleGroup group={form.goal} fields={fields.data} onChange={(goal) => set({ goal })} errors={errors} path="goal" />}
            <Group grow mt="sm" align="flex-start">
              <Select label={t('journeys.reentry.label')} data={(['never', 'after', 'always'] as const).map((r) => ({ value: r, label: t(`journeys.reentry.${r}`) }))} value={form.reentry} onChange={(v) => set({ reentry: (v ?? 'never') as JourneyInput['reentry'], reentryDays: v === 'after' ? (form.reentryDays ?? 30) : null })} allowDeselect={false} />
              {form.reentry === 'after' && <NumberInput label={t('journeys.reentry.days')} min={1} max={3650} value={form.reentryDays ?? ''} onChange={(v) => set({ reentryDays: v === '' ? null : Number(v) })} error={errors.reentryDays} />}
            </Group>
          </Card>
        </Stack>
      </fieldset>
      <FormActions onCancel={() => navigate('/journeys')} onSubmit={submit} loading={save.isPending} submitLabel={t('journeys.save')} submitTestId="save-journey" />
    </Stack>
  );

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={journey?.name || t('journeys.new')}
        actions={
          journey && (
            <>
              <Badge variant="light" color={statusColors[journey.status]} size="lg">{t(`journeys.status.${journey.status}`)}</Badge>
              <Button onClick={toggle} loading={status.isPending} color={locked ? 'yellow' : 'green'} data-testid="toggle-journey">{t(locked ? 'journeys.pause' : 'journeys.activate')}</Button>
              <Button variant="subtle" color="red" onClick={del}>{t('common.delete')}</Button>
            </>
          )
        }
      />
      {!journey ? (
        editor
      ) : (
        <Tabs defaultValue="steps" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="steps">{t('journeys.steps')}</Tabs.Tab>
            <Tabs.Tab value="analytics" data-testid="analytics-tab">{t('journeys.analytics')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="steps">{editor}</Tabs.Panel>
          <Tabs.Panel value="analytics">
            <Stack gap="md">
              {locked && (
                <Card withBorder padding="sm">
                  <Group align="flex-end" wrap="wrap">
                    <Select label={t('journeys.enrolSegment')} data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={enrolSegment} onChange={setEnrolSegment} searchable style={{ flex: 1, minWidth: 200 }} />
                    <Button onClick={enrolNow} disabled={!enrolSegment} loading={enrol.isPending}>{t('journeys.enrol')}</Button>
                  </Group>
                </Card>
              )}
              <JourneyAnalytics journey={journey} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
