// Households page: households by name with member count, paged; admins regroup (a job) or make one by hand.
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconHome, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { formatDateTime } from '../../../lib/format';
import { useCanCall } from '../../auth';
import { useHouseholds, useRegroup, useRegroupJob } from '../api/households';
import { basisText } from '../components/basis-label';
import { CreateHouseholdModal } from '../components/create-household-modal';

export function HouseholdsListRoute() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const admin = useCanCall('POST /households');
  const list = useHouseholds();
  const regroup = useRegroup();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useRegroupJob(jobId);
  const [creating, { open, close }] = useDisclosure();
  const running = Boolean(jobId) && (!job.data || job.data.status === 'queued' || job.data.status === 'running');
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  useEffect(() => {
    if (job.data?.status === 'done') void qc.invalidateQueries({ queryKey: ['households'] });
  }, [job.data?.status, qc]);

  const actions = admin && (
    <>
      <Button variant="default" leftSection={<IconRefresh size={16} />} loading={regroup.isPending || running} onClick={() => regroup.mutate(undefined, { onSuccess: (j) => setJobId(j.id) })} data-testid="regroup">
        {t('households.regroup')}
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-household">{t('households.new')}</Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('nav.households')} actions={actions} />
      <Stack gap="sm" mb="md">
        <Text size="sm" c="dimmed">{t('households.hint')}</Text>
        {running && <Alert color="blue">{t('households.regrouping')}</Alert>}
        {job.data?.status === 'failed' && <ErrorAlert error={null} message={job.data.error ?? t('households.regroupFailed')} />}
        {regroup.error && <ErrorAlert error={regroup.error} />}
      </Stack>
      <PagedList
        query={list}
        shown={rows.length}
        empty={<EmptyState icon={<IconHome size={28} />} title={t('households.empty')} description={t('households.emptyHint')} />}
      >
        <Table verticalSpacing="xs" data-testid="households-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('households.name')}</Table.Th>
              <Table.Th w={110}>{t('households.memberCount')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('households.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.id} data-testid="household-row">
                <Table.Td>
                  <Anchor component={Link} to={`/households/${h.id}`} fw={500} style={{ wordBreak: 'break-word' }}>{h.name}</Anchor>
                  <Text size="xs" c="dimmed">{basisText(h.basis, t)}</Text>
                </Table.Td>
                <Table.Td><Badge variant="light">{h.memberCount}</Badge></Table.Td>
                <Table.Td visibleFrom="sm"><Text size="sm">{formatDateTime(h.updatedAt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PagedList>
      <CreateHouseholdModal opened={creating} onClose={close} onCreated={(h) => void navigate(`/households/${h.id}`)} />
    </>
  );
}
