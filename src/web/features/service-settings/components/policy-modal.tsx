// Create or edit an SLA policy: which tickets (priorities, customer tiers), targets in business minutes, the calendar,
// the warning, pausing while pending, a VIP queue and escalation on breach.
import { useState } from 'react';
import { Alert, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { FormActions } from '../../../components/form-actions';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { PRIORITIES, TIERS, useCalendars, useSavePolicy, type Policy, type PolicyInput } from '../api/sla';

const minutes = (v: string | number) => (v === '' ? null : Number(v));

export function PolicyModal({ policy, onClose }: { policy: Policy | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const init = policy === 'new' ? null : policy;
  const save = useSavePolicy();
  const teams = useTeams();
  const calendars = useCalendars();
  const [p, setP] = useState<PolicyInput>(
    init ?? { name: '', priorities: [], tiers: [], calendarId: null, firstResponseMinutes: 60, resolutionMinutes: 480, warnBeforeMinutes: 15, pauseWhenPending: true, queueTeamId: null, reassignOnBreach: false, escalationTeamId: null, active: true },
  );
  const set = (patch: Partial<PolicyInput>) => setP((x) => ({ ...x, ...patch }));
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const teamData = (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  const submit = () => {
    const input: PolicyInput = {
      name: p.name.trim(), priorities: p.priorities, tiers: p.tiers, calendarId: p.calendarId, firstResponseMinutes: p.firstResponseMinutes, resolutionMinutes: p.resolutionMinutes,
      warnBeforeMinutes: p.warnBeforeMinutes, pauseWhenPending: p.pauseWhenPending, queueTeamId: p.queueTeamId, reassignOnBreach: p.reassignOnBreach, escalationTeamId: p.escalationTeamId, active: p.active,
    };
    save.mutate(init ? { id: init.id, ...input } : input, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(init ? 'sla.policies.edit' : 'sla.policies.add')} size="lg">
      <Stack>
        <TextInput label={t('sla.policies.name')} required value={p.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t('sla.policies.priorities')} placeholder={t('sla.any')} data={PRIORITIES.map((v) => ({ value: v, label: t(`sla.priorities.${v}`) }))} value={p.priorities} onChange={(v) => set({ priorities: v as PolicyInput['priorities'] })} />
          <MultiSelect label={t('sla.policies.tiers')} placeholder={t('sla.any')} data={TIERS.map((v) => ({ value: v, label: t(`sla.tiers.${v}`) }))} value={p.tiers} onChange={(v) => set({ tiers: v as PolicyInput['tiers'] })} />
          <NumberInput label={t('sla.policies.firstResponse')} description={t('sla.policies.minutesHint')} min={1} value={p.firstResponseMinutes ?? ''} onChange={(v) => set({ firstResponseMinutes: minutes(v) })} error={errors.firstResponseMinutes} data-testid="policy-first-response" />
          <NumberInput label={t('sla.policies.resolution')} description={t('sla.policies.minutesHint')} min={1} value={p.resolutionMinutes ?? ''} onChange={(v) => set({ resolutionMinutes: minutes(v) })} error={errors.resolutionMinutes} />
          <NumberInput label={t('sla.policies.warnBefore')} min={0} value={p.warnBeforeMinutes} onChange={(v) => set({ warnBeforeMinutes: Number(v) || 0 })} />
          <Select label={t('sla.policies.calendar')} placeholder={t('sla.policies.defaultCalendar')} clearable data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={p.calendarId} onChange={(v) => set({ calendarId: v })} error={errors.calendarId} />
          <Select label={t('sla.policies.queueTeam')} description={t('sla.policies.queueTeamHint')} clearable data={teamData} value={p.queueTeamId} onChange={(v) => set({ queueTeamId: v })} error={errors.queueTeamId} />
          <Select label={t('sla.policies.escalationTeam')} description={t('sla.policies.escalationTeamHint')} clearable data={teamData} value={p.escalationTeamId} onChange={(v) => set({ escalationTeamId: v })} error={errors.escalationTeamId} />
        </SimpleGrid>
        <Switch label={t('sla.policies.pauseWhenPending')} checked={p.pauseWhenPending} onChange={(e) => set({ pauseWhenPending: e.currentTarget.checked })} />
        <Switch label={t('sla.policies.reassignOnBreach')} checked={p.reassignOnBreach} onChange={(e) => set({ reassignOnBreach: e.currentTarget.checked })} />
        <Switch label={t('sla.active')} checked={p.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        <FormActions onCancel={onClose} onSubmit={submit} loading={save.isPending} disabled={!p.name.trim()} submitLabel={t('sla.save')} />
      </Stack>
    </Modal>
  );
}
