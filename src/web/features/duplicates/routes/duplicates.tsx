// Duplicates page: open contact pairs with score and reasons; run detection, dismiss, merge (with undo).
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import type { DuplicatePair, DupRecord, Merge } from '../api/duplicates';
import { useDetect, useDismiss, useDuplicates, useJob, useUndoMerge } from '../api/duplicates';
import { MergeModal } from '../components/merge-modal';

function Side({ r }: { r: DupRecord | null }) {
  if (!r) return <Text c="dimmed">—</Text>;
  return (
    <div style={{ minWidth: 0, flex: '1 1 200px' }}>
      <Anchor component={Link} to={`/contacts/${r.id}`} fw={500}>
        {r.displayName}
      </Anchor>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
        {[...r.emails, ...r.phones, r.companyName].filter(Boolean).join(' · ')}
      </Text>
    </div>
  );
}

export function DuplicatesRoute() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useDuplicates();
  const detect = useDetect();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const dismiss = useDismiss();
  const undo = useUndoMerge();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [lastMerge, setLastMerge] = useState<Merge | null>(null);
  const running = Boolean(jobId) && (!job.data || job.data.status === 'queued' || job.data.status === 'running');

  useEffect(() => {
    if (job.data?.status === 'done') qc.invalidateQueries({ queryKey: ['duplicates'] });
  }, [job.data?.status, qc]);

  const rows = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title={t('nav.duplicates')}
        actions={
          <Button onClick={() => detect.mutate(undefined, { onSuccess: (j) => setJobId(j.id) })} loading={detect.isPending || running} data-testid="detect">
            {t('duplicates.detect')}
          </Button>
        }
      />
      <Stack gap="sm" mb="md">
        {running && <Alert color="blue">{t('duplicates.detecting')}</Alert>}
        {job.data?.status === 'failed' && <Alert color="red">{job.data.error ?? t('duplicates.detectFailed')}</Alert>}
        {detect.isError && <ErrorAlert error={detect.error} />}
        {dismiss.isError && <ErrorAlert error={dismiss.error} />}
        {undo.isError && <ErrorAlert error={undo.error} />}
        {lastMerge && (
          <Alert color="green">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">{lastMerge.undoneAt ? t('duplicates.undone') : t('duplicates.merged')}</Text>
              {!lastMerge.undoneAt && (
                <Button size="xs" variant="white" loading={undo.isPending} onClick={() => undo.mutate(lastMerge.id, { onSuccess: setLastMerge })} data-testid="undo-merge">
                  {t('duplicates.undo')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
      </Stack>
      {list.isPending ? (
        <Paper withBorder p="xs"><ListSkeleton /></Paper>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : rows.length === 0 ? (
        <Paper withBorder><EmptyState title={t('duplicates.none')} description={t('duplicates.noneHint')} /></Paper>
      ) : (
        <Stack gap="sm">
          {rows.map((p) => (
            <Card key={p.id} withBorder padding="sm">
              <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
                <Badge color={p.score >= 0.9 ? 'red' : p.score >= 0.75 ? 'orange' : 'yellow'} variant="light">
                  {t('duplicates.score', { value: Math.round(p.score * 100) })}
                </Badge>
                <Group gap="xs">
                  <Button size="xs" variant="default" loading={dismiss.isPending && dismiss.variables === p.id} onClick={() => dismiss.mutate(p.id)}>
                    {t('duplicates.dismiss')}
                  </Button>
                  <Button size="xs" onClick={() => setMerging(p)} disabled={!p.a || !p.b} data-testid="merge">
                    {t('duplicates.merge')}
                  </Button>
                </Group>
              </Group>
              <Group align="flex-start" wrap="wrap" gap="md">
                <Side r={p.a} />
                <Side r={p.b} />
              </Group>
              <Group gap={4} mt="xs" wrap="wrap">
                {p.reasons.map((r, i) => (
                  <Badge key={i} size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                    {r.detail || `${r.field}: ${r.kind}`}
                  </Badge>
                ))}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <MergeModal pair={merging} onClose={() => setMerging(null)} onMerged={(m) => { setMerging(null); setLastMerge(m); }} />
    </>
  );
}
