// A group of the rule builder: AND / OR over its conditions and nested groups, with buttons to add either.
import { Button, Group as Row, Paper, SegmentedControl, Stack, ActionIcon } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Condition, Group, SegmentField } from '../api/segments';
import { isGroup, newCondition } from './rule-tree';
import { RuleRow } from './rule-row';

interface Props {
  group: Group;
  fields: SegmentField[];
  onChange: (g: Group) => void;
  onRemove?: () => void;
  /** Server problems by rule path (rules.children[0].value), shown at their rule. */
  errors: Record<string, string>;
  path: string;
  depth?: number;
}

export function RuleGroup({ group, fields, onChange, onRemove, errors, path, depth = 0 }: Props) {
  const { t } = useTranslation();
  const setChild = (i: number, next: Group | Condition | null) => {
    const children = [...group.children];
    if (next === null) children.splice(i, 1);
    else children[i] = next;
    onChange({ ...group, children });
  };
  const first = fields[0];
  return (
    <Paper withBorder p={{ base: 6, sm: 'sm' }} bg={depth % 2 ? 'var(--mantine-color-gray-0)' : undefined} data-testid="rule-group">
      <Stack gap="xs">
        <Row justify="space-between" wrap="nowrap">
          <SegmentedControl size="xs" value={group.combinator} onChange={(v) => onChange({ ...group, combinator: v as Group['combinator'] })} data={[{ value: 'and', label: t('segments.and') }, { value: 'or', label: t('segments.or') }]} />
          {onRemove && (
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('segments.removeGroup')}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Row>
        {group.children.map((child, i) =>
          isGroup(child) ? (
            <RuleGroup key={i} group={child} fields={fields} onChange={(g) => setChild(i, g)} onRemove={() => setChild(i, null)} errors={errors} path={`${path}.children[${i}]`} depth={depth + 1} />
          ) : (
            <RuleRow key={i} condition={child} fields={fields} onChange={(c) => setChild(i, c)} onRemove={() => setChild(i, null)} error={errors[`${path}.children[${i}].field`] ?? errors[`${path}.children[${i}].operator`] ?? errors[`${path}.children[${i}].value`]} />
          ),
        )}
        {errors[`${path}.children`] && <div style={{ color: 'var(--mantine-color-red-6)', fontSize: 13 }}>{errors[`${path}.children`]}</div>}
        <Row gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={!first} onClick={() => first && onChange({ ...group, children: [...group.children, newCondition(first)] })} data-testid="add-rule">
            {t('segments.addRule')}
          </Button>
          {depth < 3 && (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} disabled={!first} onClick={() => first && onChange({ ...group, children: [...group.children, { combinator: group.combinator === 'and' ? 'or' : 'and', children: [newCondition(first)] }] })} data-testid="add-group">
              {t('segments.addGroup')}
            </Button>
          )}
        </Row>
      </Stack>
    </Paper>
  );
}
