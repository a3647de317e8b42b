// One condition of the rule builder: the field (picked from groups by source), the operator its type offers, the value.
import { ActionIcon, Group, Select } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Condition, SegmentField } from '../api/segments';
import { initialValue, newCondition } from './rule-tree';
import { RuleValueInput } from './rule-value-input';

interface Props {
  condition: Condition;
  fields: SegmentField[];
  onChange: (c: Condition) => void;
  onRemove: () => void;
  error?: string;
}

export function useFieldLabel() {
  const { t } = useTranslation();
  return (f: SegmentField) => (f.key.includes('cf.') ? f.label : t(`segments.fields.${f.key}`, { defaultValue: f.label }));
}

export function RuleRow({ condition, fields, onChange, onRemove, error }: Props) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel();
  const field = fields.find((f) => f.key === condition.field);
  const groups = [...new Set(fields.map((f) => f.group))].map((g) => ({ group: t(`segments.groups.${g}`, { defaultValue: g }), items: fields.filter((f) => f.group === g).map((f) => ({ value: f.key, label: labelOf(f) })) }));
  return (
    <Group gap={6} wrap="wrap" align="flex-start" data-testid="rule-row">
      <Select
        aria-label={t('segments.field')}
        data={groups}
        value={condition.field}
        onChange={(key) => {
          const next = fields.find((f) => f.key === key);
          if (next) onChange(newCondition(next));
        }}
        searchable
        allowDeselect={false}
        w={{ base: '100%', xs: 200 }}
        error={error}
        data-testid="rule-field"
      />
      {field && (
        <Select
          aria-label={t('segments.operator')}
          data={field.operators.map((op) => ({ value: op, label: t(`segments.operators.${op}`) }))}
          value={condition.operator}
          onChange={(op) => op && onChange({ field: field.key, operator: op, value: initialValue(field.type, op) })}
          allowDeselect={false}
          w={170}
          data-testid="rule-operator"
        />
      )}
      {field && <RuleValueInput field={field} operator={condition.operator} value={condition.value} onChange={(value) => onChange({ ...condition, value })} />}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('segments.removeRule')} mt={6}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}
