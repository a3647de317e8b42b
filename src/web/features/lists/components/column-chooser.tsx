// "Columns" button: which columns a list's table shows, built-in and custom fields (the name is always shown); used by
// the contacts, companies and tickets lists.
import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../types/api';

export interface ColumnOption {
  key: string;
  label: string;
}

interface Props {
  /** The list's own columns, in table order; custom fields follow them. */
  builtins: ColumnOption[];
  value: string[];
  /** Custom fields offered as cf.<key> columns (lists of objects without custom field definitions pass none). */
  customFields?: CustomField[];
  onChange: (cols: string[]) => void;
}

export function ColumnChooser({ builtins, value, customFields = [], onChange }: Props) {
  const { t } = useTranslation();
  const all = [...builtins, ...customFields.map((f) => ({ key: `cf.${f.key}`, label: f.label }))];
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
