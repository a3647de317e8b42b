// A labelled value that turns into an input when clicked and saves on Enter or blur (Escape cancels).
import { useState, type ReactNode } from 'react';
import { Box, Group, Loader, MultiSelect, NumberInput, Select, Switch, TagsInput, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error';
import { errorMessage } from '../lib/error-message';

export type EditorKind = 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'tags' | 'boolean';
export type EditValue = string | number | boolean | string[] | null;

interface Props {
  label: string;
  value: EditValue;
  kind?: EditorKind;
  options?: { value: string; label: string }[];
  display?: ReactNode;
  onSave: (value: EditValue) => Promise<unknown>;
  testId?: string;
}

function isEmpty(v: EditValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function InlineEditField({ label, value, kind = 'text', options = [], display, onSave, testId }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<EditValue>(value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setDraft(value);
    setError(null);
    setEditing(true);
  };

  const save = async (next: EditValue = draft) => {
    if (JSON.stringify(next ?? null) === JSON.stringify(value ?? null)) {
      setEditing(false);
      return;
    }
    setSaving(true);
    try {
      await onSave(next);
      setEditing(false);
      setError(null);
    } catch (err) {
      const fieldMsg = err instanceof ApiError ? Object.values(err.fieldErrors())[0] : undefined;
      setError(fieldMsg ?? errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  const keys = {
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && kind !== 'tags' && kind !== 'multiselect') void save();
      if (e.key === 'Escape') setEditing(false);
    },
  };
  const common = { size: 'xs' as const, error, autoFocus: true, rightSection: saving ? <Loader size="xs" /> : undefined, 'aria-label': label };

  if (kind === 'boolean') {
    return (
      <Box data-testid={testId}>
        <Text size="xs" c="dimmed">{label}</Text>
        <Switch mt={4} checked={value === true} onChange={(e) => void save(e.currentTarget.checked)} disabled={saving} aria-label={label} />
        {error && <Text size="xs" c="red">{error}</Text>}
      </Box>
    );
  }

  let editor: ReactNode = null;
  if (editing) {
    if (kind === 'select') {
      editor = <Select {...common} defaultDropdownOpened allowDeselect={false} data={options} value={(draft as string) ?? null} clearable onChange={(v) => void save(v)} onBlur={() => setEditing(false)} {...keys} />;
    } else if (kind === 'multiselect' || kind === 'tags') {
      const C = kind === 'tags' ? TagsInput : MultiSelect;
      editor = <C {...common} defaultDropdownOpened={kind === 'multiselect'} data={options} value={(draft as string[]) ?? []} onChange={(v) => setDraft(v)} onBlur={() => void save()} {...keys} />;
    } else if (kind === 'number') {
      editor = <NumberInput {...common} value={(draft as number) ?? ''} onChange={(v) => setDraft(typeof v === 'number' ? v : null)} onBlur={() => void save()} {...keys} />;
    } else {
      editor = (
        <TextInput
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          value={(draft as string) ?? ''}
          onChange={(e) => setDraft(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          onBlur={() => void save()}
          {...keys}
        />
      );
    }
  }

  return (
    <Box data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      {editing ? (
        editor
      ) : (
        <UnstyledButton onClick={start} w="100%" aria-label={t('common.editField', { field: label })}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" c={isEmpty(value) ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
              {isEmpty(value) ? t('common.empty') : display ?? (Array.isArray(value) ? value.join(', ') : String(value))}
            </Text>
            <IconPencil size={14} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      )}
    </Box>
  );
}
