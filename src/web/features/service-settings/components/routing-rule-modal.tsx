// Create or edit a routing rule: conditions (channel, category, language, customer tier, keywords; none = every
// ticket), the team, how an agent is picked, the skill needed and an optional priority.
import { useState } from 'react';
import { Alert, Modal, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { FormActions } from '../../../components/form-actions';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { PRIORITIES, TIERS } from '../api/sla';
import { CHANNELS, useSaveRoutingRule, type RoutingConditions, type RoutingRule } from '../api/routing';

export function RoutingRuleModal({ rule, onClose }: { rule: RoutingRule | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const init = rule === 'new' ? null : rule;
  const save = useSaveRoutingRule();
  const teams = useTeams();
  const [name, setName] = useState(init?.name ?? '');
  const [c, setC] = useState<RoutingConditions>(init?.conditions ?? {});
  const [teamId, setTeamId] = useState<string | null>(init?.teamId ?? null);
  const [strategy, setStrategy] = useState<RoutingRule['strategy']>(init?.strategy ?? 'round_robin');
  const [skill, setSkill] = useState(init?.skill ?? '');
  const [priority, setPriority] = useState<RoutingRule['priority']>(init?.priority ?? null);
  const [active, setActive] = useState(init?.active ?? true);
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const list = (k: keyof RoutingConditions) => (c[k] ?? []) as string[];
  const setList = (k: keyof RoutingConditions) => (v: string[]) => setC((x) => ({ ...x, [k]: v }));

  const submit = () => {
    const conditions = Object.fromEntries(Object.entries(c).filter(([, v]) => v && v.length > 0));
    const input = { name: name.trim(), conditions, teamId: teamId!, strategy, skill: skill.trim() || null, priority, active };
    save.mutate(init ? { id: init.id, ...input } : input, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t(init ? 'routing.rules.edit' : 'routing.rules.add')} size="lg">
      <Stack>
        <TextInput label={t('routing.rules.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t('routing.conditions.channels')} placeholder={t('sla.any')} data={CHANNELS.map((v) => ({ value: v, label: t(`routing.channels.${v}`) }))} value={list('channels')} onChange={setList('channels')} />
          <MultiSelect label={t('routing.conditions.tiers')} placeholder={t('sla.any')} data={TIERS.map((v) => ({ value: v, label: t(`sla.tiers.${v}`) }))} value={list('tiers')} onChange={setList('tiers')} />
          <TagsInput label={t('routing.conditions.categories')} placeholder={t('sla.any')} value={list('categories')} onChange={setList('categories')} clearable />
          <TagsInput label={t('routing.conditions.languages')} placeholder="zh, en" value={list('languages')} onChange={setList('languages')} clearable />
        </SimpleGrid>
        <TagsInput label={t('routing.conditions.keywords')} description={t('routing.rules.keywordsHint')} placeholder={t('sla.any')} value={list('keywords')} onChange={setList('keywords')} clearable />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('routing.rules.team')} required data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} value={teamId} onChange={setTeamId} error={errors.teamId} />
          <Select label={t('routing.rules.strategy')} data={(['round_robin', 'least_loaded'] as const).map((s) => ({ value: s, label: t(`routing.strategies.${s}`) }))} value={strategy} onChange={(v) => v && setStrategy(v as RoutingRule['strategy'])} allowDeselect={false} />
          <TextInput label={t('routing.rules.skill')} placeholder="senior" value={skill} onChange={(e) => setSkill(e.currentTarget.value)} error={errors.skill} />
          <Select label={t('routing.rules.priority')} placeholder={t('routing.rules.keepPriority')} clearable data={PRIORITIES.map((v) => ({ value: v, label: t(`sla.priorities.${v}`) }))} value={priority} onChange={(v) => setPriority(v as RoutingRule['priority'])} />
        </SimpleGrid>
        <Switch label={t('sla.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        <FormActions onCancel={onClose} onSubmit={submit} loading={save.isPending} disabled={!name.trim() || !teamId} submitLabel={t('sla.save')} />
      </Stack>
    </Modal>
  );
}
