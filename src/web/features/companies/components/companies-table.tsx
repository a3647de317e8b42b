// Companies as a sortable table on wide screens (the chosen columns, custom fields included) and as cards on phones,
// with selection checkboxes for bulk actions.
import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SortableTh } from '../../../components/sortable-th';
import { formatDate, formatMoney } from '../../../lib/format';
import type { Company, CustomField } from '../../../types/api';
import { CustomFieldCell, SelectCardBox, SelectHeaderCell, SelectPageCheckbox, SelectRowCell, TagsCell, type BulkSelectionState } from '../../lists';
import { DEFAULT_COMPANY_COLUMNS } from './company-columns';

interface Props {
  companies: Company[];
  sort: string;
  onSort: (sort: string) => void;
  selection?: BulkSelectionState;
  /** Columns shown besides the name (company-columns.ts keys, cf.<key> for custom fields). */
  columns?: string[];
  customFields?: CustomField[];
}

const nowrap = { whiteSpace: 'nowrap' } as const;

export function CompaniesTable({ companies, sort, onSort, selection, columns = DEFAULT_COMPANY_COLUMNS, customFields = [] }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const show = (key: string) => columns.includes(key);
  const cfs = customFields.filter((f) => show(`cf.${f.key}`));

  if (narrow) {
    return (
      <Stack gap="xs" data-testid="companies-cards">
        {selection && <SelectPageCheckbox selection={selection} />}
        {companies.map((c) => (
          <Card key={c.id} withBorder padding="sm" component={Link} to={`/companies/${c.id}`} data-testid="company-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {selection && <SelectCardBox selection={selection} id={c.id} name={c.name} />}
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
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
            {selection && <SelectHeaderCell selection={selection} />}
            <SortableTh field="name" sort={sort} onSort={onSort}>{t('companies.name')}</SortableTh>
            {show('industry') && <Table.Th>{t('companies.industry')}</Table.Th>}
            {show('size') && <Table.Th>{t('companies.size')}</Table.Th>}
            {show('annualRevenue') && <SortableTh field="annualRevenue" sort={sort} onSort={onSort}>{t('companies.revenue')}</SortableTh>}
            {show('contacts') && <Table.Th>{t('companies.contacts')}</Table.Th>}
            {show('owner') && <Table.Th>{t('common.owner')}</Table.Th>}
            {show('tags') && <Table.Th>{t('common.tags')}</Table.Th>}
            {cfs.map((f) => <Table.Th key={f.key} data-column={`cf.${f.key}`}>{f.label}</Table.Th>)}
            {show('createdAt') && <SortableTh field="createdAt" sort={sort} onSort={onSort}>{t('common.created')}</SortableTh>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((c) => (
            <Table.Tr key={c.id} data-testid="company-row">
              {selection && <SelectRowCell selection={selection} id={c.id} name={c.name} />}
              <Table.Td>
                <Anchor component={Link} to={`/companies/${c.id}`} fw={500}>{c.name}</Anchor>
                {c.domain && <Text size="xs" c="dimmed">{c.domain}</Text>}
              </Table.Td>
              {show('industry') && <Table.Td><Text size="sm">{c.industry ?? ''}</Text></Table.Td>}
              {show('size') && <Table.Td><Text size="sm">{c.size ?? ''}</Text></Table.Td>}
              {show('annualRevenue') && <Table.Td><Text size="sm" style={nowrap}>{formatMoney(c.annualRevenue, c.currency)}</Text></Table.Td>}
              {show('contacts') && <Table.Td><Text size="sm">{c.contactCount ?? 0}</Text></Table.Td>}
              {show('owner') && <Table.Td><Text size="sm" style={nowrap}>{c.ownerName ?? ''}</Text></Table.Td>}
              {show('tags') && <TagsCell tags={c.tags} />}
              {cfs.map((f) => <CustomFieldCell key={f.key} field={f} value={c.customFields[f.key]} />)}
              {show('createdAt') && <Table.Td><Text size="sm" style={nowrap}>{formatDate(c.createdAt)}</Text></Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
