// Why a ticket went to its team and agent, said as sentences in the reader's language (the ticket page shows it).
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readRoutingSteps, routingSentence } from '../../../lib/routing-steps';
import { useTicketRouting } from '../api/routing';

export function RoutingWhy({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const routing = useTicketRouting(ticketId);
  const steps = readRoutingSteps(routing.data?.steps);
  if (!steps) return null;
  return (
    <Paper withBorder p="sm" data-testid="routing-why">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>{t('routingSteps.title')}</Text>
        {steps.map((s, i) => (
          <Text size="sm" key={i}>{routingSentence(s, t)}</Text>
        ))}
      </Stack>
    </Paper>
  );
}
