// The Groups view: duplicate contacts joined into groups, each with "Merge group"; loading, error and empty states.
import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { useCanCall } from '../../auth';
import { useClusters, type Cluster } from '../api/clusters';
import { ClusterCard } from './cluster-card';

export function GroupsList({ onMerge }: { onMerge: (c: Cluster) => void }) {
  const { t } = useTranslation();
  const clusters = useClusters(true);
  const canDetect = useCanCall('POST /duplicates/detect');
  if (clusters.isPending) return <Paper withBorder p="xs" data-testid="loading"><ListSkeleton /></Paper>;
  if (clusters.isError) return <ErrorAlert error={clusters.error} onRetry={() => clusters.refetch()} />;
  if (clusters.data.data.length === 0) return <Paper withBorder><EmptyState title={t('duplicates.noGroups')} description={canDetect ? t('duplicates.noGroupsHint') : t('duplicates.noneHintMember')} /></Paper>;
  return (
    <Stack gap="sm">
      {clusters.data.data.map((c) => (
        <ClusterCard key={c.pairIds.join(',')} cluster={c} onMerge={() => onMerge(c)} />
      ))}
    </Stack>
  );
}
