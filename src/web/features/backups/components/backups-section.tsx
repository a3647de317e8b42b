// Settings → Backups (admin): back up now (a job followed until done), the backup files, schedules, and how to restore.
import { useEffect, useState } from 'react';
import { Alert, Button, Code, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { isActive, useBackupJob, useStartBackup } from '../api/backups';
import { BackupSchedules } from './backup-schedules';
import { BackupsList } from './backups-list';

export function BackupsSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const start = useStartBackup();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useBackupJob(jobId);
  const running = Boolean(jobId) && isActive(job.data);
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'done') void qc.invalidateQueries({ queryKey: ['backups', 'list'] });
  }, [status, qc]);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('backups.title')}</Title>
          <Text c="dimmed" size="sm">{t('backups.hint')}</Text>
        </div>
        <Button leftSection={<IconDatabaseExport size={16} />} loading={start.isPending || running} onClick={() => start.mutate(undefined, { onSuccess: (j) => setJobId(j.id) })} data-testid="backup-now">
          {t('backups.now')}
        </Button>
      </Group>
      {running && <Alert color="blue" data-testid="backup-running">{t('backups.running')}</Alert>}
      {status === 'done' && <Alert color="green" data-testid="backup-done">{t('backups.done', { file: job.data?.result?.file ?? '' })}</Alert>}
      {(status === 'failed' || status === 'cancelled') && <ErrorAlert error={null} message={job.data?.error ?? t('backups.failed')} />}
      {start.error && <ErrorAlert error={start.error} />}
      <BackupsList />
      <Divider />
      <div>
        <Title order={5}>{t('backups.schedules')}</Title>
        <Text c="dimmed" size="sm">{t('backups.schedulesHint')}</Text>
      </div>
      <BackupSchedules />
      <Divider />
      <div>
        <Title order={5}>{t('backups.restoreTitle')}</Title>
        <Text size="sm">{t('backups.restoreHint')}</Text>
      </div>
      <Code block data-testid="restore-command" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>npx rapport restore &lt;data dir&gt;/backups/&lt;file&gt; [--force]</Code>
      <Text size="xs" c="dimmed">{t('backups.restoreForce')}</Text>
    </Stack>
  );
}
