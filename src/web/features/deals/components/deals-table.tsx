// The table view of the same deals the board shows (stage, amount, owner, company, close date, status), sortable.
import { Anchor, Badge, Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SortableTh } from '../../../components/sortable-th';
import { formatDate, formatMoney } from '../../../lib/format';
import type { Deal } from '../api/deal-types';
import { displayName } from '../../../lib/default-names';
import { RecordCards } from '../../../components/record-cards';
import { closeDateOf } from '../api/close-date';

export const STATUS_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

export function DealsTable({ deals, onOpen, sort, onSort }: { deals: Deal[]; onOpen: (id: string) => void; sort: string; onSort: (sort: string) => void }) {
  const { t } = useTranslation();
  const open = (d: Deal) => <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(d.id)}>{d.name}</Anchor>;
  return (
    <>
    {/* Phones: one card per deal (the sort stays with the sort menu above). */}
    <RecordCards
      testId="deals-cards"
      cards={deals.map((d) => ({
        key: d.id,
        title: open(d),
        aside: <Badge variant="light" color={STATUS_COLOR[d.status]}>{t(`deals.statuses.${d.status}`)}</Badge>,
        fields: [
          { label: t('deals.stage'), value: displayName(d.stageName, t) },
          { label: t('deals.amount'), value: formatMoney(d.amount, d.currency) },
          { label: t('deals.weighted'), value: formatMoney(d.weightedAmount, d.currency) },
          { label: t('deals.closeDate'), value: formatDate(closeDateOf(d)) || t('common.empty') },
          { label: t('common.owner'), value: d.ownerName ?? t('common.empty') },
          { label: t('deals.company'), value: d.companyName ?? t('common.empty') },
        ],
      }))}
    />
    <Box visibleFrom="sm">
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="deals-table">
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="name" sort={sort} onSort={onSort}>{t('deals.name')}</SortableTh>
            <Table.Th>{t('deals.stage')}</Table.Th>
            <SortableTh field="amount" sort={sort} onSort={onSort}>{t('deals.amount')}</SortableTh>
            <Table.Th ta="right">{t('deals.weighted')}</Table.Th>
            <Table.Th>{t('common.owner')}</Table.Th>
            <Table.Th>{t('deals.company')}</Table.Th>
            <SortableTh field="expectedCloseDate" sort={sort} onSort={onSort}>{t('deals.closeDate')}</SortableTh>
            <Table.Th>{t('deals.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{open(d)}</Table.Td>
              <Table.Td><Text size="sm">{displayName(d.stageName, t)}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm">{formatMoney(d.amount, d.currency)}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm" c="dimmed">{formatMoney(d.weightedAmount, d.currency)}</Text></Table.Td>
              <Table.Td><Text size="sm">{d.ownerName ?? t('common.empty')}</Text></Table.Td>
              <Table.Td><Text size="sm" lineClamp={1}>{d.companyName ?? t('common.empty')}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatDate(closeDateOf(d)) || t('common.empty')}</Text></Table.Td>
              <Table.Td><Badge variant="light" color={STATUS_COLOR[d.status]}>{t(`deals.statuses.${d.status}`)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
    </Box>
    </>
  );
}
