// The people fields of a deal: the owner (any active colleague from the directory) and the deal's contacts, each with a
// role, removed, or added by searching contacts — used by the new-deal form and the drawer's contacts editor.
import { useState } from 'react';
import { ActionIcon, Autocomplete, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/shared-queries';
import { useContactOptions } from '../api/contact-options';

export interface DealPerson {
  contactId: string;
  displayName: string;
  role: string;
}

const ROLES = ['decisionMaker', 'champion', 'influencer', 'buyer', 'user', 'technical'] as const;

export function DealOwnerSelect({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const data = (users.data ?? []).filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name }));
  return <Select label={t('common.owner')} placeholder={t('deals.ownerMe')} searchable data={data} value={value} onChange={onChange} allowDeselect={false} error={error} data-testid="deal-owner" />;
}

interface PeopleEditorProps {
  people: DealPerson[];
  onChange: (people: DealPerson[]) => void;
  /** A heading above the list (the new-deal form), none in the drawer where the section has its own. */
  label?: string;
  /** Said when the deal has no contacts yet. */
  empty?: string;
  'data-testid'?: string;
}

export function DealPeopleEditor({ people, onChange, label, empty, 'data-testid': testId }: PeopleEditorProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const options = useContactOptions(debounced);
  const choices = (options.data ?? []).filter((c) => !people.some((p) => p.contactId === c.id)).map((c) => ({ value: c.id, label: c.displayName }));
  const roles = ROLES.map((r) => t(`dealEdit.roles.${r}`));
  const add = (id: string | null) => {
    const c = options.data?.find((x) => x.id === id);
    if (c) onChange([...people, { contactId: c.id, displayName: c.displayName, role: '' }]);
    setSearch('');
  };
  return (
    <Stack gap={6} data-testid={testId}>
      {label && <Text size="sm" fw={500}>{label}</Text>}
      {empty && people.length === 0 && <Text size="sm" c="dimmed">{empty}</Text>}
      {people.map((p) => (
        <Group key={p.contactId} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ flex: '1 1 40%', minWidth: 0 }} truncate data-testid="new-deal-contact">{p.displayName}</Text>
          <Autocomplete
            size="xs"
            aria-label={t('dealEdit.role')}
            placeholder={t('dealEdit.role')}
            data={roles}
            value={p.role}
            onChange={(role) => onChange(people.map((x) => (x.contactId === p.contactId ? { ...x, role } : x)))}
            style={{ flex: '1 1 50%', minWidth: 0 }}
          />
          <ActionIcon variant="subtle" color="red" aria-label={t('dealEdit.removeContact')} onClick={() => onChange(people.filter((x) => x.contactId !== p.contactId))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Select
        aria-label={t('dealEdit.addContact')}
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
    </Stack>
  );
}
