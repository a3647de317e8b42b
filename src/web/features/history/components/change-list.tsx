// A record's changed fields in plain words: the field's name in the reader's language, old value → new value.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { ChangeValue, FieldChange } from '../api/history';

const MONEY = new Set(['amount', 'annualRevenue']);
/** Fields whose values are keys with a translation: where to find it. */
const TRANSLATED: Record<string, string> = { lifecycleStage: 'stages', status: 'fields.values', forecastCategory: 'deals.category', locale: 'history.locales', language: 'history.locales' };

export function useChangeWords() {
  const { t } = useTranslation();
  const fieldName = (c: FieldChange) => c.label ?? t(`history.fields.${c.field}`, { defaultValue: t('history.otherField') });
  const valueText = (field: string, v: ChangeValue): string => {
    if (v === null || (Array.isArray(v) && v.length === 0)) return t('history.empty');
    if (typeof v === 'boolean') return v ? t('history.yes') : t('history.no');
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number') return MONEY.has(field) ? (v / 100).toLocaleString() : v.toLocaleString();
    const ns = TRANSLATED[field];
    if (ns) return t(`${ns}.${v}`, { defaultValue: v });
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
    return v;
  };
  return { fieldName, valueText };
}

export function ChangeList({ changes }: { changes: FieldChange[] }) {
  const { fieldName, valueText } = useChangeWords();
  if (changes.length === 0) return null;
  return (
    <Stack gap={2} data-testid="change-list">
      {changes.map((c) => (
        <Group key={c.field} gap={6} wrap="wrap" data-testid="change" data-field={c.field}>
          <Text size="sm" fw={500}>{fieldName(c)}:</Text>
          <Text size="sm" c="dimmed" td="line-through" style={{ wordBreak: 'break-word' }}>{valueText(c.field, c.before)}</Text>
          <Text size="sm" c="dimmed">→</Text>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>{valueText(c.field, c.after)}</Text>
        </Group>
      ))}
    </Stack>
  );
}
