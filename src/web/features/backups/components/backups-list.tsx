// The backup files, newest first: when, size, engine/format and the fingerprint a restore is verified against.
import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { currentLocale } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useBackups } from '../api/backups';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1024 && i < UNITS.length - 1) {
    n /= 1024;
    i++;
  }
  return new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: UNITS[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}

export function BackupsList() {
  const { t } = useTranslation();
  const list = useBackups();
  if (list.isPending) return <ListSkeleton rows={3} />;
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyState icon={<IconDatabase size={28} />} title={t('backups.empty')} description={t('backups.emptyHint')} />;
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
              <Table.Td><Text size="sm">{b.engine} · {b.format}</Text></Table.Td>
              <Table.Td>
                <Tooltip label={t('backups.fingerprintHint')} multiline w={260} withArrow>
                  <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                    {t('backups.fingerprint', { rows: b.totalRows, tables: b.tables })}
                  </Badge>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
