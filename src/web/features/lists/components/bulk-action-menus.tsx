// The bulk action bar's choosers shared by the lists: owner (from the user directory), tag to add or remove, each a
// button opening a small form above it.
import { useState, type ReactNode } from 'react';
import { Button, Group, Popover, Select, Stack, TextInput } from '@mantine/core';
import { IconTag, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import type { BulkActionProps as Props } from './bulk-action-bar';

interface PopoverProps {
  opened: boolean;
  setOpened: (o: boolean) => void;
  disabled: boolean;
  icon: ReactNode;
  label: string;
  testId: string;
  children: ReactNode;
}

function ActionPopover({ opened, setOpened, disabled, icon, label, testId, children }: PopoverProps) {
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="top-start" withArrow>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={icon} disabled={disabled} onClick={() => setOpened(!opened)} data-testid={testId}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={240}>{children}</Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function BulkOwnerPicker({ disabled, onAction }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const users = useUserDirectory(opened);
  const options = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <ActionPopover opened={opened} setOpened={setOpened} disabled={disabled} icon={<IconUserShare size={14} />} label={t('bulk.assignOwner')} testId="bulk-owner">
      <Select label={t('common.owner')} data={options} value={owner} onChange={setOwner} searchable comboboxProps={{ withinPortal: false }} data-testid="bulk-owner-select" />
      <Button size="xs" disabled={!owner} onClick={() => { setOpened(false); onAction({ type: 'assignOwner', ownerId: owner }); }} data-testid="bulk-owner-apply">
        {t('bulk.apply')}
      </Button>
    </ActionPopover>
  );
}

export function BulkTagPicker({ disabled, onAction }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const run = (type: 'addTag' | 'removeTag') => {
    setOpened(false);
    onAction({ type, tag: tag.trim() });
    setTag('');
  };
  return (
    <ActionPopover opened={opened} setOpened={setOpened} disabled={disabled} icon={<IconTag size={14} />} label={t('bulk.tags')} testId="bulk-tags">
      <TextInput label={t('bulk.tag')} value={tag} maxLength={50} onChange={(e) => setTag(e.currentTarget.value)} data-testid="bulk-tag-input" />
      <Group grow gap="xs">
        <Button size="xs" disabled={!tag.trim()} onClick={() => run('addTag')} data-testid="bulk-tag-add">{t('bulk.addTag')}</Button>
        <Button size="xs" variant="light" disabled={!tag.trim()} onClick={() => run('removeTag')} data-testid="bulk-tag-remove">{t('bulk.removeTag')}</Button>
      </Group>
    </ActionPopover>
  );
}
