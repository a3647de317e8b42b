// Progress of a queued/running import (the page polls every second) and its counts once finished.
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import type { ImportRecord } from '../api/imports';
import { useCancelImport } from '../api/imports';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

export function ImportProgressPanel({ imp }: { imp: ImportRecord }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelImport(imp.id);
  const p = imp.progress;
  const active = imp.status === 'queued' || imp.status === 'running';
  const percent = imp.status === 'done' ? 100 : Math.max(0, Math.min(100, p.percent));

  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" mb={4} wrap="wrap">
          <Text size="sm">{t('imports.rowsDone', { value: p.rowsDone.toLocaleString() })}</Text>
          <Text size="sm" c="dimmed">
            {active && t('imports.rate', { value: Math.round(p.rowsPerSecond).toLocaleString() })} {Math.round(percent)}%
          </Text>
        </Group>
        <Progress value={percent} animated={active} size="lg" data-testid="import-progress" />
        {active && (
          <Text size="sm" c={p.failed ? 'red' : 'dimmed'} mt={4}>
            {t('imports.errorsSoFar', { value: p.failed.toLocaleString() })}
          </Text>
        )}
      </div>
      {imp.status === 'failed' && imp.error && <Alert color="red">{imp.error}</Alert>}
      {imp.status === 'cancelled' && <Alert color="orange">{t('imports.cancelledNote')}</Alert>}
      {!active && (
        <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }}>
          <Stat label={t('imports.counts.created')} value={p.created} />
          <Stat label={t('imports.counts.updated')} value={p.updated} />
          <Stat label={t('imports.counts.skipped')} value={p.skipped} />
          <Stat label={t('imports.counts.duplicates')} value={p.duplicates} />
          <Stat label={t('imports.counts.failed')} value={p.failed} />
          <Stat label={t('imports.counts.warnings')} value={p.warnings ?? 0} />
          <Stat label={t('imports.counts.companiesCreated')} value={p.companiesCreated} />
        </SimpleGrid>
      )}
      {!active && imp.ignoredColumns?.length > 0 && (
        <Alert color="orange" variant="light" data-testid="import-ignored-columns">
          {t('imports.ignoredColumns', { value: imp.ignoredColumns.join(', ') })}
        </Alert>
      )}
      {imp.status === 'done' && imp.object === 'contacts' && p.created + p.updated > 0 && (
        <Group>
          <Anchor component={Link} to={`/contacts?importId=${encodeURIComponent(imp.id)}`} data-testid="import-records-link">
            <Group gap={4}>
              <IconUsers size={16} />
              {t('imports.viewRecords', { value: p.created + p.updated })}
            </Group>
          </Anchor>
        </Group>
      )}
      {(p.failed > 0 || (p.warnings ?? 0) > 0) && (
        <Group>
          <Anchor href={`/api/v1/imports/${imp.id}/errors.csv?lang=${encodeURIComponent(i18n.language)}`} download={`${imp.fileName}-errors.csv`} data-testid="import-errors-csv">
            <Group gap={4}>
              <IconDownload size={16} />
              {t('imports.downloadErrors')}
            </Group>
          </Anchor>
        </Group>
      )}
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {active && (
        <Group>
          <Button variant="default" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {t('imports.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
