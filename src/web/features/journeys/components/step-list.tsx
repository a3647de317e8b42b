// The structured editor of a journey's steps: each step a card (kind, its inputs, move up/down, remove), a branch with
// its condition and two indented sub-lists (yes / no) that join again after it, and "add a step" at the end of a list.
import { ActionIcon, Badge, Box, Button, Card, Group, Menu, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RuleGroup, newCondition, useSegmentFields, type Group as RuleTree } from '../../segments';
import type { BranchStep, Step, StepKind } from '../api/journeys';
import { moved, newStep, STEP_KINDS } from './step-defaults';
import { StepFields } from './step-fields';

interface ListProps {
  steps: Step[];
  path: string;
  errors: Record<string, string>;
  onChange: (steps: Step[]) => void;
  depth?: number;
}

export function StepList({ steps, path, errors, onChange, depth = 0 }: ListProps) {
  const { t } = useTranslation();
  const setAt = (i: number, s: Step | null) => onChange(s === null ? steps.filter((_, n) => n !== i) : steps.map((x, n) => (n === i ? s : x)));
  return (
    <Stack gap="xs">
      {steps.map((s, i) => (
        <StepCard key={s.id} step={s} index={i} count={steps.length} path={`${path}[${i}]`} errors={errors} depth={depth} onChange={(next) => setAt(i, next)} onMove={(to) => onChange(moved(steps, i, to))} />
      ))}
      {errors[path] && <Text c="red" size="sm">{errors[path]}</Text>}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} w="fit-content" data-testid={`add-step-${path}`}>{t('journeys.addStep')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {STEP_KINDS.filter((k) => depth < 3 || k !== 'branch').map((k) => (
            <Menu.Item key={k} onClick={() => onChange([...steps, newStep(k)])} data-testid={`add-${k}`}>{t(`journeys.kinds.${k}`)}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}

interface CardProps {
  step: Step;
  index: number;
  count: number;
  path: string;
  depth: number;
  errors: Record<string, string>;
  onChange: (s: Step | null) => void;
  onMove: (to: number) => void;
}

function StepCard({ step, index, count, path, depth, errors, onChange, onMove }: CardProps) {
  const { t } = useTranslation();
  const problems = Object.entries(errors).filter(([k]) => k === path || k === `${path}.kind`);
  return (
    <Card withBorder padding="sm" data-testid="step-card" data-kind={step.kind}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" circle>{index + 1}</Badge>
            <Text fw={600} size="sm">{t(`journeys.kinds.${step.kind as StepKind}`)}</Text>
          </Group>
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t('journeys.moveUp')} disabled={index === 0} onClick={() => onMove(index - 1)}><IconArrowUp size={16} /></ActionIcon>
            <ActionIcon variant="subtle" aria-label={t('journeys.moveDown')} disabled={index === count - 1} onClick={() => onMove(index + 1)}><IconArrowDown size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => onChange(null)}><IconTrash size={16} /></ActionIcon>
          </Group>
        </Group>
        {problems.map(([k, m]) => <Text key={k} c="red" size="sm">{m}</Text>)}
        {step.kind === 'branch' ? <BranchFields step={step as BranchStep} path={path} depth={depth} errors={errors} onChange={onChange} /> : <StepFields step={step} path={path} errors={errors} onChange={onChange} />}
      </Stack>
    </Card>
  );
}

function BranchFields({ step, path, depth, errors, onChange }: { step: BranchStep; path: string; depth: number; errors: Record<string, string>; onChange: (s: Step) => void }) {
  const { t } = useTranslation();
  const fields = useSegmentFields();
  const cond = step.condition;
  const setType = (type: string | null) => {
    if (type === 'rules' && fields.data?.[0]) onChange({ ...step, condition: { type: 'rules', rules: { combinator: 'and', children: [newCondition(fields.data[0])] } } });
    else if (type === 'opened' || type === 'clicked') onChange({ ...step, condition: { type: 'engagement', event: type } });
  };
  return (
    <>
      <Select
        label={t('journeys.branch.condition')}
        data={[{ value: 'opened', label: t('journeys.branch.opened') }, { value: 'clicked', label: t('journeys.branch.clicked') }, { value: 'rules', label: t('journeys.branch.rules') }]}
        value={cond.type === 'rules' ? 'rules' : cond.event}
        onChange={setType}
        allowDeselect={false}
      />
      {cond.type === 'rules' && fields.data && <RuleGroup group={cond.rules} fields={fields.data} onChange={(rules: RuleTree) => onChange({ ...step, condition: { type: 'rules', rules } })} errors={errors} path={`${path}.condition.rules`} />}
      {(['yes', 'no'] as const).map((side) => (
        <Box key={side} pl="sm" style={{ borderLeft: `3px solid var(--mantine-color-${side === 'yes' ? 'green' : 'gray'}-4)` }} data-testid={`branch-${side}`}>
          <Text size="sm" fw={600} mb={4}>{t(`journeys.branch.${side}`)}</Text>
          <StepList steps={step[side]} path={`${path}.${side}`} errors={errors} depth={depth + 1} onChange={(list) => onChange({ ...step, [side]: list })} />
        </Box>
      ))}
    </>
  );
}
