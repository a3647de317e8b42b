// Progress of a bulk job in the action bar: a bar that fills as batches finish, and while a delete waits out its
// undo window, an Undo button that cancels it before anything is deleted.
import { Alert, Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../../lib/error-message';
import { useBulkJob, useCancelBulkJob, type ListObject } from '../api/bulk-records';

interface Props {
  object: ListObject;
  jobId: string;
  /** How many records the job was started for (null: "all matching", counted as it goes). */
  count: number | null;
  deleting: boolean;
  onClose: () => void;
}

export function BulkJobStatus({ object, jobId, count, deleting, onClose }: Props) {
  const { t } = useTranslation();
  const job = useBulkJob(object, jobId).data;
  const context = object === 'companies' ? 'company' : undefined;
  const cancel = useCancelBulkJob();
  const total = job?.progress.total ?? count;
  const done = job?.progress.matched ?? 0;
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const finished = job && ['done', 'failed', 'cancelled'].includes(job.status);
  const undo = () =>
    cancel.mutate(jobId, {
      onSuccess: () => notifications.show({ color: 'green', message: t('bulk.undone') }),
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });
  if (job?.status === 'queued' && deleting) {
    return (
      <Group justify="space-between" wrap="wrap" gap="xs" data-testid="bulk-job">
        <Text size="sm">{count === null ? t('bulk.deletePendingAll', { context }) : t('bulk.deletePending', { count, formatted: count.toLocaleString(), context })}</Text>
        <Button size="xs" variant="white" color="red" onClick={undo} loading={cancel.isPending} data-testid="bulk-undo">{t('bulk.undo')}</Button>
      </Group>
    );
  }
  if (finished) {
    const r = job.result;
    return (
      <Alert color={job.status === 'done' ? 'green' : job.status === 'failed' ? 'red' : 'gray'} withCloseButton onClose={onClose} p="xs" data-testid="bulk-job">
        {job.status === 'done' && r
          ? t(deleting ? 'bulk.deletedCounts' : 'bulk.doneCounts', { changed: r.changed, skipped: r.skipped, context: deleting ? context : undefined })
          : job.status === 'cancelled'
            ? t(deleting ? 'bulk.undone' : 'bulk.cancelled')
            : t('bulk.failed')}
      </Alert>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" data-testid="bulk-job">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{total ? t('bulk.progress', { done, total }) : t('bulk.progressOpen', { done })}</Text>
      <Progress value={total ? pct : 100} animated={!total} striped={!total} style={{ flex: 1 }} miw={80} aria-label={t('bulk.progressLabel')} />
    </Group>
  );
}
