// "Columns" button: which columns the contacts table shows, built-in and custom fields (the name is always shown).
import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../types/api';
import { BUILTIN_COLUMNS } from './contact-columns';

interface Props {
  value: string[];
  customFields: CustomField[];
  onChange: (cols: string[]) => void;
}

export function ColumnChooser({ value, customFields, onChange }: Props) {
  const { t } = useTranslation();
  const all = [...BUILTIN_COLUMNS.map((c) => ({ key: c as string, label: t(`lists.columns.${c}`) })), ...customFields.map((f) => ({ key: `cf.${f.key}`, label: f.label }))];
  const toggle = (key: string, on: boolean) => onChange(all.map((c) => c.key).filter((k) => (k === key ? on : value.includes(k))));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns size={16} />} data-testid="column-chooser" visibleFrom="sm">
          {t('lists.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} data-testid="column-options">
          <Text size="xs" c="dimmed">{t('lists.columns.hint')}</Text>
          {all.map((c) => (
            <Checkbox key={c.key} label={c.label} checked={value.includes(c.key)} onChange={(e) => toggle(c.key, e.currentTarget.checked)} data-column={c.key} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
