// One household: its name, how it was formed, address, members (links to contacts) and their combined value.
import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { useCanCall } from '../../auth';
import { useHousehold } from '../api/households';
import { basisText } from '../components/basis-label';
import { HouseholdMembers } from '../components/household-members';
import { HouseholdValueCard } from '../components/household-value-card';

const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode', 'country'];

export function HouseholdViewRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const admin = useCanCall('POST /households/:id/members');
  const h = useHousehold(id);
  if (h.isPending) return <PageSkeleton />;
  if (h.error) return <ErrorAlert error={h.error} onRetry={() => void h.refetch()} />;
  const address = ADDRESS_PARTS.map((p) => h.data.address?.[p]).filter((v) => typeof v === 'string' && v).join(', ');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/households" size="sm">
        <Group gap={4}><IconArrowLeft size={14} />{t('nav.households')}</Group>
      </Anchor>
      <div>
        <PageHeader title={<span data-testid="household-name">{h.data.name}</span>} />
        <Text size="sm" c="dimmed" mt={-8}>{[basisText(h.data.basis, t), address].filter(Boolean).join(' · ')}</Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <HouseholdMembers household={h.data} admin={admin} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <HouseholdValueCard value={h.data.value} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
