// A ticket's custom fields as key/value rows (keys start with a letter: letters, digits, _ and -); numbers and yes/no
// values that are not edited keep their type.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type CustomValue = string | number | boolean | null;
export interface FieldRow { key: string; value: string; original?: CustomValue }

const KEY = /^[A-Za-z][\w-]{0,60}$/;

export const rowsOf = (fields: Record<string, CustomValue>): FieldRow[] => Object.entries(fields).map(([key, v]) => ({ key, value: v === null ? '' : String(v), original: v }));

/** The object to send, or the row index of the first bad or repeated key. */
export function fieldsOf(rows: FieldRow[]): { fields: Record<string, CustomValue> } | { badRow: number } {
  const out: Record<string, CustomValue> = {};
  for (const [i, r] of rows.entries()) {
    const key = r.key.trim();
    if (!key && !r.value.trim()) continue;
    if (!KEY.test(key) || key in out) return { badRow: i };
    out[key] = r.original !== undefined && String(r.original ?? '') === r.value ? r.original : r.value;
  }
  return { fields: out };
}

interface Props { rows: FieldRow[]; onChange: (rows: FieldRow[]) => void; disabled?: boolean; badRow?: number | null }

export function CustomFieldsEditor({ rows, onChange, disabled, badRow }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FieldRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4} data-testid="custom-fields-editor">
      <Text size="xs" c="dimmed">{t('tickets.fields.customFields')}</Text>
      {rows.map((r, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-start">
          <TextInput size="xs" style={{ flex: 1, minWidth: 0 }} placeholder={t('tickets.customKey')} aria-label={t('tickets.customKey')} value={r.key} disabled={disabled} error={badRow === i ? t('tickets.customKeyRule') : undefined} onChange={(e) => set(i, { key: e.currentTarget.value })} />
          <TextInput size="xs" style={{ flex: 1, minWidth: 0 }} placeholder={t('tickets.customValue')} aria-label={t('tickets.customValue')} value={r.value} disabled={disabled} onChange={(e) => set(i, { value: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="gray" mt={2} disabled={disabled} aria-label={t('tickets.customRemove')} onClick={() => onChange(rows.filter((_, j) => j !== i))}><IconTrash size={14} /></ActionIcon>
        </Group>
      ))}
      <Group gap={4}>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} disabled={disabled} onClick={() => onChange([...rows, { key: '', value: '' }])}>{t('tickets.customAdd')}</Button>
      </Group>
    </Stack>
  );
}
