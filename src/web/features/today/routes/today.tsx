// Today: the landing page after login. Cards come from the server's registry in its order; each module's card
// looks as the card registry says (or generic).
import { SimpleGrid, Skeleton, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../auth';
import { AlertItemActions } from '../../alerts';
import { useToday } from '../api/get-today';
import { lookOf, registerCardLook } from '../components/card-registry';
import { TodayCard } from '../components/today-card';

// Alerts are decided right on the card: accept (a task), snooze, dismiss.
registerCardLook('alerts', { ...lookOf('alerts'), Actions: AlertItemActions });

export function TodayRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const today = useToday();
  return (
    <>
      <PageHeader title={t('today.title')} />
      <Text c="dimmed" mt={-8} mb="md" data-testid="today-greeting">
        <Trans
          i18nKey="today.greeting"
          values={{ name: me.data?.name ?? '', date: formatDate(today.data?.today ?? new Date().toISOString()) }}
          components={{ d: <span style={{ whiteSpace: 'nowrap' }} /> }}
        />
      </Text>
      {today.isError ? (
        <ErrorAlert error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md" style={{ alignItems: 'start' }}>
          {today.isPending
            ? Array.from({ length: 6 }, (_, i) => <Skeleton key={i} h={180} radius="md" data-testid="loading" />)
            : today.data.cards.map((card) => <TodayCard key={card.key} card={card} today={today.data.today} />)}
        </SimpleGrid>
      )}
    </>
  );
}
