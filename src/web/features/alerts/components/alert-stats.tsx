// Acceptance rates per rule: raised, open, accepted, dismissed and accepted ÷ decided.
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAlertStats } from '../api/alerts';

export function AlertStats() {
  const { t } = useTranslation();
  const q = useAlertStats();
  if (!q.data) return null;
  return (
    <Card withBorder padding="sm" data-testid="alert-stats">
      <Title order={5} mb="xs">{t('alerts.statsTitle')}</Title>
      <Table.ScrollContainer minWidth={300}>
        <Table fz="xs" horizontalSpacing={6} styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('alerts.rule')}</Table.Th>
              <Table.Th ta="right">{t('alerts.raised')}</Table.Th>
              <Table.Th ta="right">{t('alerts.statuses.accepted')}</Table.Th>
              <Table.Th ta="right">{t('alerts.statuses.dismissed')}</Table.Th>
              <Table.Th ta="right">{t('alerts.acceptanceRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.data.map((s) => (
              <Table.Tr key={s.rule}>
                <Table.Td>{t(`alerts.rules.${s.rule}`)}</Table.Td>
                <Table.Td ta="right">{s.raised}</Table.Td>
                <Table.Td ta="right">{s.accepted}</Table.Td>
                <Table.Td ta="right">{s.dismissed}</Table.Td>
                <Table.Td ta="right">{s.acceptanceRate === null ? '—' : `${Math.round(s.acceptanceRate * 100)} %`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>{t('alerts.statsHelp')}</Text>
    </Card>
  );
}
