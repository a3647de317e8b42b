// The value box of one rule, by the field's type and the operator: text, number, a day (date-fields), a yes/no, a
// choice or several (field options, users, teams), two bounds for "between", a number of days.
import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUserDirectory } from '../../../api/shared-queries';
import { DateField } from '../../../components/date-fields';
import type { SegmentField } from '../api/segments';
import { NO_VALUE } from './rule-tree';

interface Props {
  field: SegmentField;
  operator: string;
  value: unknown;
  onChange: (v: unknown) => void;
}

/** A field's choices as the picker shows them, translated where the app knows the words. */
function useChoices(field: SegmentField): { value: string; label: string }[] | null {
  const { t } = useTranslation();
  const users = useUserDirectory(field.optionsFrom === 'users');
  const teams = useTeams();
  if (field.optionsFrom === 'users') return (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (field.optionsFrom === 'teams') return (teams.data ?? []).map((x) => ({ value: x.id, label: x.name }));
  if (!field.options) return null;
  const prefix = field.key === 'contact.lifecycleStage' ? 'stages' : field.key.startsWith('consent.') ? 'segments.consent' : field.key === 'sentiment.latest' ? 'sentiment.labels' : field.key.startsWith('sentiment.lastEmotion.') ? 'sentiment.emotions' : null;
  return field.options.map((o) => ({ value: o.value, label: prefix ? t(`${prefix}.${o.value}`, { defaultValue: o.label }) : o.label }));
}

export function RuleValueInput({ field, operator, value, onChange }: Props) {
  const { t } = useTranslation();
  const choices = useChoices(field);
  const label = t('segments.value');
  if (NO_VALUE.includes(operator)) return null;
  if (['any_of', 'none_of', 'all_of'].includes(operator)) {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return choices ? (
      <MultiSelect aria-label={label} data={choices} value={list} onChange={onChange} searchable miw={180} style={{ flex: 1 }} data-testid="rule-value" />
    ) : (
      <TagsInput aria-label={label} value={list} onChange={onChange} placeholder={t('segments.typeAndEnter')} miw={180} style={{ flex: 1 }} data-testid="rule-value" />
    );
  }
  if (operator === 'within_last_days' || operator === 'more_than_days_ago') {
    return <NumberInput aria-label={label} value={Number(value ?? 0)} onChange={(v) => onChange(Number(v) || 0)} min={0} max={36500} allowDecimal={false} rightSection={t('segments.days')} rightSectionWidth={48} w={130} data-testid="rule-value" />;
  }
  if (operator === 'between') {
    const [a, b] = Array.isArray(value) ? value : ['', ''];
    return field.type === 'date' ? (
      <Group gap={4} wrap="wrap">
        <DateField value={String(a ?? '')} onChange={(v) => onChange([v, b])} w={140} />
        <DateField value={String(b ?? '')} onChange={(v) => onChange([a, v])} w={140} />
      </Group>
    ) : (
      <Group gap={4} wrap="nowrap">
        <NumberInput aria-label={label} value={Number(a ?? 0)} onChange={(v) => onChange([Number(v) || 0, b])} w={100} />
        <NumberInput aria-label={label} value={Number(b ?? 0)} onChange={(v) => onChange([a, Number(v) || 0])} w={100} />
      </Group>
    );
  }
  if (field.type === 'boolean') {
    return <Select aria-label={label} data={[{ value: 'true', label: t('segments.yes') }, { value: 'false', label: t('segments.no') }]} value={String(value !== false)} onChange={(v) => onChange(v !== 'false')} allowDeselect={false} w={100} data-testid="rule-value" />;
  }
  if (field.type === 'number') return <NumberInput aria-label={label} value={Number(value ?? 0)} onChange={(v) => onChange(Number(v) || 0)} w={130} data-testid="rule-value" />;
  if (field.type === 'date') return <DateField value={String(value ?? '')} onChange={onChange} w={150} data-testid="rule-value" />;
  if (choices) return <Select aria-label={label} data={choices} value={typeof value === 'string' && value ? value : null} onChange={(v) => onChange(v ?? '')} searchable miw={160} style={{ flex: 1 }} data-testid="rule-value" />;
  return <TextInput aria-label={label} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} miw={160} style={{ flex: 1 }} data-testid="rule-value" />;
}
