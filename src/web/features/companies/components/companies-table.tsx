// Companies as a sortable table on wide screens and as cards on phones.
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SortableTh } from '../../../components/sortable-th';
import { formatDate, formatMoney } from '../../../lib/format';
import type { Company } from '../../../types/api';

interface Props {
  companies: Company[];
  sort: string;
  onSort: (sort: string) => void;
}

export function CompaniesTable({ companies, sort, onSort }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');

  if (narrow) {
    return (
      <Stack gap="xs">
        {companies.map((c) => (
          <Card key={c.id} withBorder padding="sm" component={Link} to={`/companies/${c.id}`} data-testid="company-row">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} truncate>{c.name}</Text>
                <Text size="sm" c="dimmed" truncate>{[c.industry, c.domain].filter(Boolean).join(' · ')}</Text>
              </Stack>
              <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>{t('companies.contactCount', { count: c.contactCount ?? 0 })}</Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="companies-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="name" sort={sort} onSort={onSort}>{t('companies.name')}</SortableTh>
            <Table.Th>{t('companies.industry')}</Table.Th>
            <Table.Th>{t('companies.size')}</Table.Th>
            <SortableTh field="annualRevenue" sort={sort} onSort={onSort}>{t('companies.revenue')}</SortableTh>
            <Table.Th>{t('companies.contacts')}</Table.Th>
            <Table.Th>{t('common.owner')}</Table.Th>
            <SortableTh field="createdAt" sort={sort} onSort={onSort}>{t('common.created')}</SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((c) => (
            <Table.Tr key={c.id} data-testid="company-row">
              <Table.Td>
                <Anchor component={Link} to={`/companies/${c.id}`} fw={500}>{c.name}</Anchor>
                {c.domain && <Text size="xs" c="dimmed">{c.domain}</Text>}
              </Table.Td>
              <Table.Td><Text size="sm">{c.industry ?? ''}</Text></Table.Td>
              <Table.Td><Text size="sm">{c.size ?? ''}</Text></Table.Td>
              <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.annualRevenue, c.currency)}</Text></Table.Td>
              <Table.Td><Text size="sm">{c.contactCount ?? 0}</Text></Table.Td>
              <Table.Td><Text size="sm">{c.ownerName ?? ''}</Text></Table.Td>
              <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(c.createdAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
