// Create or edit one assignment rule: conditions (lists of values; none = catch-all) and the target team or person.
import { useState } from 'react';
import { Alert, Modal, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUserDirectory } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { CONDITION_KEYS, useSaveAssignmentRule, type AssignmentRule, type AssignmentStrategy, type ConditionKey } from '../api/lead-rules';
import { FormActions } from '../../../components/form-actions';

export function AssignmentRuleModal({ rule, nextPosition, onClose }: { rule: AssignmentRule | 'new'; nextPosition: number; onClose: () => void }) {
  const { t } = useTranslation();
  const init = rule === 'new' ? null : rule;
  const save = useSaveAssignmentRule();
  const teams = useTeams();
  const users = useUserDirectory();
  const [name, setName] = useState(init?.name ?? '');
  const [conditions, setConditions] = useState<Partial<Record<ConditionKey, string[]>>>(init?.conditions ?? {});
  const [strategy, setStrategy] = useState<AssignmentStrategy>(init?.strategy ?? 'round_robin');
  const [teamId, setTeamId] = useState<string | null>(init?.teamId ?? null);
  const [userId, setUserId] = useState<string | null>(init?.userId ?? null);
  const [active, setActive] = useState(init?.active ?? true);
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const valid = name.trim() !== '' && (strategy === 'user' ? !!userId : !!teamId);

  const submit = () => {
    const conds = Object.fromEntries(Object.entries(conditions).filter(([, v]) => v && v.length > 0));
    const input = {
      name: name.trim(),
      conditions: conds,
      strategy,
      teamId: strategy === 'user' ? null : teamId,
      userId: strategy === 'user' ? userId : null,
      active,
    };
    save.mutate(init ? { id: init.id, ...input } : { ...input, position: nextPosition }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t(init ? 'leadRules.assignment.edit' : 'leadRules.assignment.add')} size="lg">
      <Stack>
        <TextInput label={t('leadRules.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <div>
          <Text fw={500} size="sm">{t('leadRules.assignment.conditions')}</Text>
          <Text size="xs" c="dimmed" mb="xs">{t('leadRules.assignment.conditionsHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {CONDITION_KEYS.map((k) => (
              <TagsInput
                key={k}
                label={t(`leadRules.conditions.${k}`)}
                placeholder={t('leadRules.assignment.any')}
                value={conditions[k] ?? []}
                onChange={(v) => setConditions((c) => ({ ...c, [k]: v }))}
                clearable
              />
            ))}
          </SimpleGrid>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('leadRules.assignment.strategy')}
            data={(['round_robin', 'least_loaded', 'user'] as const).map((s) => ({ value: s, label: t(`leadRules.strategies.${s}`) }))}
            value={strategy}
            onChange={(v) => v && setStrategy(v as AssignmentStrategy)}
            allowDeselect={false}
          />
          {strategy === 'user' ? (
            <Select
              label={t('leadRules.assignment.user')}
              required
              searchable
              data={(users.data ?? []).filter((u) => u.active || u.id === userId).map((u) => ({ value: u.id, label: u.name }))}
              value={userId}
              onChange={setUserId}
              error={errors.userId}
            />
          ) : (
            <Select
              label={t('leadRules.assignment.team')}
              required
              data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
              value={teamId}
              onChange={setTeamId}
              error={errors.teamId}
            />
          )}
        </SimpleGrid>
        <Switch label={t('leadRules.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        <FormActions onCancel={onClose} onSubmit={submit} loading={save.isPending} disabled={!valid} submitLabel={t('leadRules.save')} />
      </Stack>
    </Modal>
  );
}
