// Deal detail in a drawer: key facts, contacts, line items and the stage history with time spent in each stage.
import { Anchor, Badge, Drawer, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { useDeal } from '../api/get-deals';
import { STATUS_COLOR } from './deals-table';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const deal = useDeal(id);
  const d = deal.data;
  const days = (s: number) => t('deals.days', { count: Math.max(0, Math.round(s / 86400)) });
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="lg" title={d?.name ?? t('deals.deal')} data-testid="deal-drawer">
      {deal.isPending ? (
        <ListSkeleton rows={6} />
      ) : deal.error ? (
        <ErrorAlert error={deal.error} onRetry={() => void deal.refetch()} />
      ) : d ? (
        <Stack>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[d.status]} variant="light" data-testid="deal-status">{t(`deals.statuses.${d.status}`)}</Badge>
            <Badge variant="outline">{d.stageName} · {d.probability}%</Badge>
            <Badge variant="outline" color="gray">{t(`deals.category.${d.forecastCategory}`)}</Badge>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Fact label={t('deals.amount')}>{formatMoney(d.amount, d.currency)}</Fact>
            <Fact label={t('deals.weighted')}>{formatMoney(d.weightedAmount, d.currency)}</Fact>
            <Fact label={t('deals.closeDate')}>{formatDate(d.expectedCloseDate) || t('common.empty')}</Fact>
            <Fact label={t('common.owner')}>{d.ownerName ?? t('common.empty')}</Fact>
            <Fact label={t('deals.company')}>
              {d.companyId ? <Anchor component={Link} to={`/companies/${d.companyId}`} size="sm">{d.companyName}</Anchor> : t('common.empty')}
            </Fact>
            {d.closeReason && <Fact label={t('deals.closeReason')}>{d.closeReason}</Fact>}
          </SimpleGrid>
          {d.contacts.length > 0 && (
            <div>
              <Title order={5} mb={4}>{t('deals.contacts')}</Title>
              {d.contacts.map((c) => (
                <Text key={c.contactId} size="sm">
                  <Anchor component={Link} to={`/contacts/${c.contactId}`}>{c.displayName}</Anchor>
                  {c.role ? ` · ${c.role}` : ''}
                </Text>
              ))}
            </div>
          )}
          <div>
            <Title order={5} mb={4}>{t('deals.lineItems')}</Title>
            {d.lineItems.length === 0 ? (
              <Text size="sm" c="dimmed">{t('deals.noLineItems')}</Text>
            ) : (
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
                      <Table.Tr key={li.id}>
                        <Table.Td>{li.name}</Table.Td>
                        <Table.Td ta="right">{li.quantity}</Table.Td>
                        <Table.Td ta="right">{formatMoney(li.unitPrice, d.currency)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(li.amount, d.currency)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </div>
          {d.orderIds.length > 0 && <Text size="sm" c="green" data-testid="deal-orders">{t('deals.ordersMade', { count: d.orderIds.length })}</Text>}
          <div>
            <Title order={5} mb="xs">{t('deals.stageHistory')}</Title>
            <Timeline active={d.stageHistory.length - 1} bulletSize={14} lineWidth={2}>
              {d.stageHistory.map((h) => (
                <Timeline.Item key={`${h.stageId}-${h.enteredAt}`} title={h.stageName}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.enteredAt)} · {h.leftAt ? days(h.secondsInStage) : t('deals.currentFor', { duration: days(h.secondsInStage) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </Stack>
      ) : null}
    </Drawer>
  );
}
