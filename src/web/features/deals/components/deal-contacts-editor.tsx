// Editing the people on a deal: each with a role (decision maker, champion, …), removed, or added by searching contacts.
import { useState } from 'react';
import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useContactOptions } from '../api/contact-options';
import type { DealDetail } from '../api/deal-types';
import { useUpdateDeal } from '../api/update-deal';

const ROLES = ['decisionMaker', 'champion', 'influencer', 'buyer', 'user', 'technical'] as const;

export function DealContactsEditor({ deal, onDone }: { deal: DealDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDeal(deal.id);
  const [people, setPeople] = useState(() => deal.contacts.map((c) => ({ ...c, role: c.role ?? '' })));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const options = useContactOptions(debounced);
  const choices = (options.data ?? []).filter((c) => !people.some((p) => p.contactId === c.id)).map((c) => ({ value: c.id, label: c.displayName }));
  const roles = ROLES.map((r) => t(`dealEdit.roles.${r}`));

  const add = (id: string | null) => {
    const c = options.data?.find((x) => x.id === id);
    if (c) setPeople((ps) => [...ps, { contactId: c.id, displayName: c.displayName, role: '' }]);
    setSearch('');
  };
  const save = () => update.mutate({ contacts: people.map((p) => ({ contactId: p.contactId, role: p.role.trim() || null })) }, { onSuccess: onDone });

  return (
    <Stack gap="xs" data-testid="deal-contacts-editor">
      {update.error && <ErrorAlert error={update.error} />}
      {people.length === 0 && <Text size="sm" c="dimmed">{t('dealEdit.noContacts')}</Text>}
      {people.map((p) => (
        <Group key={p.contactId} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ flex: '1 1 40%', minWidth: 0 }} truncate>{p.displayName}</Text>
          <Autocomplete
            size="xs"
            aria-label={t('dealEdit.role')}
            placeholder={t('dealEdit.role')}
            data={roles}
            value={p.role}
            onChange={(role) => setPeople((ps) => ps.map((x) => (x.contactId === p.contactId ? { ...x, role } : x)))}
            style={{ flex: '1 1 50%' }}
          />
          <ActionIcon variant="subtle" color="red" aria-label={t('dealEdit.removeContact')} onClick={() => setPeople((ps) => ps.filter((x) => x.contactId !== p.contactId))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Select
        placeholder={t('dealEdit.addContact')}
        leftSection={<IconPlus size={14} />}
        searchable
        data={choices}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={add}
        filter={({ options: o }) => o}
        nothingFoundMessage={options.isFetching ? undefined : t('search.noResults')}
        data-testid="deal-contact-picker"
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button onClick={save} loading={update.isPending} data-testid="save-deal-contacts">{t('dealEdit.save')}</Button>
      </Group>
    </Stack>
  );
}
