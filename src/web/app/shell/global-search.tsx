// Quick search across contacts and companies (GET /search) and other modules' sections (tickets…), opened from the header.
import { useState } from 'react';
import { ActionIcon, Button, Group, Kbd, Loader, Modal, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { api } from '../../lib/api-client';
import type { Company, Contact } from '../../types/api';

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  useHotkeys([['mod+k', open]]);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => api.get<{ contacts: Contact[]; companies: Company[]; more?: { key: string; hits: { id: string; title: string; subtitle: string | null; path: string }[] }[] }>('/search', { q: debounced }),
    enabled: opened && debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const go = (to: string) => {
    close();
    setQ('');
    navigate(to);
  };
  const data = debounced ? results.data : undefined;
  const empty = data && data.contacts.length === 0 && data.companies.length === 0 && !data.more?.length;

  return (
    <>
      <Button variant="default" visibleFrom="sm" leftSection={<IconSearch size={16} />} rightSection={<Kbd size="xs">Ctrl K</Kbd>} onClick={open} c="dimmed" fw={400}>
        {t('search.placeholder')}
      </Button>
      <ActionIcon variant="default" size="lg" hiddenFrom="sm" onClick={open} aria-label={t('search.placeholder')}>
        <IconSearch size={18} />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title={t('search.title')} size="lg">
        <Stack>
          <TextInput
            data-autofocus
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={16} />}
            rightSection={results.isFetching ? <Loader size="xs" /> : null}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          {results.error && <ErrorAlert error={results.error} />}
          {empty && <Text c="dimmed" size="sm">{t('search.noResults')}</Text>}
          {data && data.contacts.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">{t('nav.contacts')}</Text>
              {data.contacts.map((c) => (
                <NavLink key={c.id} label={c.displayName} description={[c.companyName, c.emails[0]].filter(Boolean).join(' · ')} leftSection={<IconAddressBook size={16} />} onClick={() => go(`/contacts/${c.id}`)} />
              ))}
            </Stack>
          )}
          {data && data.companies.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">{t('nav.companies')}</Text>
              {data.companies.map((c) => (
                <NavLink key={c.id} label={c.name} description={c.domain ?? undefined} leftSection={<IconBuilding size={16} />} onClick={() => go(`/companies/${c.id}`)} />
              ))}
            </Stack>
          )}
          {data?.more?.map((section) => (
            <Stack gap={2} key={section.key} data-testid={`search-${section.key}`}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">{t(`search.${section.key}`, { defaultValue: section.key })}</Text>
              {section.hits.map((h) => <NavLink key={h.id} label={h.title} description={h.subtitle ?? undefined} onClick={() => go(h.path)} />)}
            </Stack>
          ))}
          {!debounced && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">{t('search.hint')}</Text>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}
