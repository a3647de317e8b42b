// Tabs above a list: "All contacts" (or companies) and the saved views (mine, then shared with my team); save the
// current filters, sort and columns as a view, rename or delete one's own (admins any). Tabs wrap onto more lines;
// on a phone they become one select, so nothing scrolls sideways.
import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Select, Stack, Tabs, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconDeviceFloppy, IconDots, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { useDeleteView, useSaveView, useSavedViews, type SavedView, type SavedViewState } from '../api/saved-views';

interface Props {
  object: 'contact' | 'company';
  active: string;
  current: SavedViewState;
  onSelect: (view: SavedView | null) => void;
}

export function SavedViewTabs({ object, active, current, onSelect }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const views = useSavedViews(object).data ?? [];
  const save = useSaveView(object);
  const remove = useDeleteView(object);
  const allLabel = object === 'company' ? t('lists.allCompanies') : t('lists.allContacts');
  const pick = (id: string | null) => onSelect(views.find((v) => v.id === id) ?? null);
  const me = useMe().data;
  const [editing, { open, close }] = useDisclosure();
  const [draft, setDraft] = useState<{ id?: string; name: string; shared: boolean }>({ name: '', shared: false });
  const activeView = views.find((v) => v.id === active) ?? null;
  const canEdit = activeView && (activeView.mine || me?.role === 'admin');

  const submit = async () => {
    const v = await save.mutateAsync({ id: draft.id, name: draft.name.trim(), shared: draft.shared, state: draft.id ? undefined : current });
    close();
    if (!draft.id) onSelect(v);
  };

  return (
    <Group gap="xs" mb="sm" wrap="nowrap" align="flex-end" justify="space-between">
      {phone ? (
        <Select
          aria-label={t('lists.views')}
          data={[{ value: 'all', label: allLabel }, ...views.map((v) => ({ value: v.id, label: v.shared ? `${v.name} · ${t('lists.sharedShort')}` : v.name }))]}
          value={activeView ? activeView.id : 'all'}
          onChange={pick}
          allowDeselect={false}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="view-select"
        />
      ) : (
        <Tabs value={activeView ? activeView.id : 'all'} onChange={pick} style={{ minWidth: 0, flex: 1 }}>
          <Tabs.List style={{ flexWrap: 'wrap' }} data-testid="view-tabs">
            <Tabs.Tab value="all">{allLabel}</Tabs.Tab>
            {views.map((v) => (
              <Tabs.Tab key={v.id} value={v.id} leftSection={v.shared ? <IconUsersGroup size={14} aria-label={t('lists.shared')} /> : undefined} style={{ whiteSpace: 'nowrap' }}>
                {v.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      <Group gap={4} wrap="nowrap">
        {canEdit && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={t('lists.viewActions')} data-testid="view-menu"><IconDots size={16} /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => save.mutate({ id: activeView.id, state: current })}>{t('lists.updateView')}</Menu.Item>
              <Menu.Item onClick={() => { setDraft({ id: activeView.id, name: activeView.name, shared: activeView.shared }); open(); }}>{t('lists.renameView')}</Menu.Item>
              <Menu.Item color="red" onClick={() => remove.mutate(activeView.id, { onSuccess: () => onSelect(null) })}>{t('lists.deleteView')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        <Button size="xs" variant="light" leftSection={<IconDeviceFloppy size={14} />} onClick={() => { setDraft({ name: '', shared: false }); open(); }} data-testid="save-view">
          {t('lists.saveView')}
        </Button>
      </Group>
      <Modal opened={editing} onClose={close} title={draft.id ? t('lists.renameView') : t('lists.saveView')}>
        <Stack>
          <TextInput label={t('lists.viewName')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} maxLength={80} data-autofocus data-testid="view-name" />
          <Checkbox label={t('lists.shareWithTeam')} checked={draft.shared} onChange={(e) => setDraft({ ...draft, shared: e.currentTarget.checked })} />
          <Group justify="flex-end">
            <Button onClick={submit} disabled={!draft.name.trim()} loading={save.isPending} data-testid="view-submit">{t('lists.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
