// Lifetime value and profitability on the Customer value page: totals over the contacts the user may see, the CLV
// model's state, the most and least profitable customers and profitability per product.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatMoney } from '../../../lib/format';
import { localizeServerMessage } from '../../../lib/server-message';
import { useProductProfit, useValueCustomers, useValueSummary, type ValueCustomer } from '../api/get-value';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function Customers({ title, rows, currency, testId }: { title: string; rows: ValueCustomer[]; currency: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Title order={5} mb="xs">{title}</Title>
      {rows.length === 0 ? <Text size="sm" c="dimmed">{t('customerValue.noContacts')}</Text> : (
        <Stack gap={4}>
          {rows.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" lineClamp={1}>{c.displayName}</Anchor>
              <Text size="sm" c={c.margin < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.margin, currency)}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function ValuePanel() {
  const { t, i18n } = useTranslation();
  const s = useValueSummary();
  const top = useValueCustomers('margin');
  const bottom = useValueCustomers('marginAsc');
  const products = useProductProfit();
  if (s.isPending) return <ListSkeleton rows={3} />;
  if (s.error) return <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />;
  const c = s.data.currency;
  const m = s.data.model;
  return (
    <Stack gap="md" mt="md" data-testid="value-panel">
      <Card withBorder>
        <Title order={4} mb="sm">{t('value.title')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Figure label={t('value.customers')} value={String(s.data.totals.customers)} />
          <Figure label={t('value.revenue')} value={formatMoney(s.data.totals.revenue, c)} />
          <Figure label={t('value.productCost')} value={formatMoney(s.data.totals.productCost, c)} />
          <Figure label={t('value.serviceCost')} value={formatMoney(s.data.totals.serviceCost, c)} />
          <Figure label={t('value.margin')} value={formatMoney(s.data.totals.margin, c)} />
          <Figure label={t('value.predicted', { days: s.data.settings.horizonDays })} value={m?.status === 'fitted' ? formatMoney(s.data.totals.predictedValue, c) : '—'} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm" data-testid="clv-model">
          {m === null ? t('value.notComputed') : m.status === 'fitted' ? t('value.modelFitted', { customers: m.customers, repeat: m.repeatCustomers }) : localizeServerMessage(m.message ?? '')}
        </Text>
        <Text size="xs" c="dimmed">{t('value.serviceCostHelp', { cost: formatMoney(s.data.settings.costPerTicket, c) })}</Text>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Customers title={t('value.mostProfitable')} rows={top.data?.data ?? []} currency={c} testId="most-profitable" />
        <Customers title={t('value.leastProfitable')} rows={bottom.data?.data ?? []} currency={c} testId="least-profitable" />
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Title order={5} mb="xs">{t('value.perProduct')}</Title>
        {products.data?.data.length ? (
          <Table.ScrollContainer minWidth={480}>
            <Table fz="sm" data-testid="product-profit">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('value.product')}</Table.Th>
                  <Table.Th ta="right">{t('value.revenue')}</Table.Th>
                  <Table.Th ta="right">{t('value.productCost')}</Table.Th>
                  <Table.Th ta="right">{t('value.serviceCost')}</Table.Th>
                  <Table.Th ta="right">{t('value.margin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {products.data.data.map((p) => (
                  <Table.Tr key={p.productId}>
                    <Table.Td>{(i18n.language.startsWith('zh') && p.nameZh) || p.nameEn} {!p.costKnown && <Badge size="xs" color="gray" variant="light">{t('value.noCost')}</Badge>}</Table.Td>
                    <Table.Td ta="right">{formatMoney(p.revenue, c)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(p.productCost, c)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(p.serviceCost, c)}</Table.Td>
                    <Table.Td ta="right" c={p.margin < 0 ? 'red' : undefined}>{formatMoney(p.margin, c)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">{t('value.noProducts')}</Text>
        )}
      </Card>
    </Stack>
  );
}
