// A deal's line items as a read-only table (product, quantity, unit price, amount).
import { Box, Table, Text } from '@mantine/core';
import { RecordCards } from '../../../components/record-cards';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import type { DealDetail } from '../api/deal-types';

export function DealLineItems({ d }: { d: DealDetail }) {
  const { t } = useTranslation();
  const zh = currentLocale().startsWith('zh');
  if (d.lineItems.length === 0) return <Text size="sm" c="dimmed">{t('deals.noLineItems')}</Text>;
  const name = (li: DealDetail['lineItems'][number]) => (zh && li.nameZh ? li.nameZh : li.name);
  return (
    <>
    <RecordCards
      testId="line-item-cards"
      cards={d.lineItems.map((li) => ({
        key: li.id,
        title: <Text size="sm" fw={500}>{name(li)}</Text>,
        aside: <Text size="sm" fw={500}>{formatMoney(li.amount, d.currency, true)}</Text>,
        fields: [
          { label: t('deals.quantity'), value: li.quantity },
          { label: t('deals.unitPrice'), value: formatMoney(li.unitPrice, d.currency, true) },
        ],
      }))}
    />
    <Box visibleFrom="sm">
    <Table.ScrollContainer minWidth={360}>
      <Table data-testid="line-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deals.product')}</Table.Th>
            <Table.Th ta="right">{t('deals.quantity')}</Table.Th>
            <Table.Th ta="right">{t('deals.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('deals.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.lineItems.map((li) => (
            <Table.Tr key={li.id} data-testid="line-item" data-product-id={li.productId ?? ''}>
              <Table.Td>{name(li)}</Table.Td>
              <Table.Td ta="right">{li.quantity}</Table.Td>
              <Table.Td ta="right">{formatMoney(li.unitPrice, d.currency, true)}</Table.Td>
              <Table.Td ta="right">{formatMoney(li.amount, d.currency, true)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
    </Box>
    </>
  );
}
