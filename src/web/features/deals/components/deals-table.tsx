// The table view of the same deals the board shows (stage, amount, owner, company, close date, status).
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../lib/format';
import type { Deal } from '../api/deal-types';

export const STATUS_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

export function DealsTable({ deals, onOpen }: { deals: Deal[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="deals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deals.name')}</Table.Th>
            <Table.Th>{t('deals.stage')}</Table.Th>
            <Table.Th ta="right">{t('deals.amount')}</Table.Th>
            <Table.Th ta="right">{t('deals.weighted')}</Table.Th>
            <Table.Th>{t('common.owner')}</Table.Th>
            <Table.Th>{t('deals.company')}</Table.Th>
            <Table.Th>{t('deals.closeDate')}</Table.Th>
            <Table.Th>{t('deals.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(d.id)}>{d.name}</Anchor>
              </Table.Td>
              <Table.Td><Text size="sm">{d.stageName}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm">{formatMoney(d.amount, d.currency)}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm" c="dimmed">{formatMoney(d.weightedAmount, d.currency)}</Text></Table.Td>
              <Table.Td><Text size="sm">{d.ownerName ?? t('common.empty')}</Text></Table.Td>
              <Table.Td><Text size="sm" lineClamp={1}>{d.companyName ?? t('common.empty')}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatDate(d.expectedCloseDate) || t('common.empty')}</Text></Table.Td>
              <Table.Td><Badge variant="light" color={STATUS_COLOR[d.status]}>{t(`deals.statuses.${d.status}`)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
