// The backup files, newest first: when, size, engine/format and the fingerprint a restore is verified against.
import { Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDatabase } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { currentLocale } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useBackups, type Backup } from '../api/backups';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: UNITS[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}

const engineText = (b: Backup) => (b.engine === b.format ? b.engine : `${b.engine} · ${b.format}`);

export function BackupsList() {
  const { t } = useTranslation();
  const list = useBackups();
  const narrow = useMediaQuery('(max-width: 48em)');
  if (list.isPending) return <ListSkeleton rows={3} />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyState icon={<IconDatabase size={28} />} title={t('backups.empty')} description={t('backups.emptyHint')} />;
  const fingerprint = (b: Backup) => (
    <Tooltip label={t('backups.fingerprintHint')} multiline w={260} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>{t('backups.fingerprint', { rows: b.totalRows, tables: b.tables })}</Badge>
    </Tooltip>
  );
  if (narrow) {
    return (
      <Stack gap="xs" data-testid="backups-table">
        {list.data.map((b) => (
          <Card key={b.file} withBorder padding="sm" data-testid="backup-row">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={500}>{formatDateTime(b.createdAt)}</Text>
              <Text size="sm">{formatBytes(b.bytes)}</Text>
            </Group>
            <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>{b.file}</Text>
            <Group gap="xs" mt={4}><Text size="xs">{engineText(b)}</Text>{fingerprint(b)}</Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="backups-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.time')}</Table.Th>
            <Table.Th>{t('backups.file')}</Table.Th>
            <Table.Th>{t('backups.size')}</Table.Th>
            <Table.Th>{t('backups.engine')}</Table.Th>
            <Table.Th>{t('backups.verification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((b) => (
            <Table.Tr key={b.file} data-testid="backup-row">
              <Table.Td><Text size="sm">{formatDateTime(b.createdAt)}</Text></Table.Td>
              <Table.Td><Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{b.file}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatBytes(b.bytes)}</Text></Table.Td>
              <Table.Td><Text size="sm">{engineText(b)}</Text></Table.Td>
              <Table.Td>{fingerprint(b)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
