// Settings → Audit log (admins): every change, filtered by user, record and time, in plain words; and a check that
// the hash chain is intact.
import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserDirectory } from '../../../api/shared-queries';
import { DateField } from '../../../components/date-fields';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { useUrlParams } from '../../../hooks/use-url-params';
import { formatDateTime } from '../../../lib/format';
import { useAuditLog, useVerifyAudit, type AuditEntry } from '../api/history';
import { ChangeList } from './change-list';
import { useActionWords } from './history-item';

const KEYS = ['auditUser', 'auditEntity', 'auditRecord', 'auditFrom', 'auditTo'] as const;
const ENTITIES = ['contact', 'company', 'deal', 'lead', 'pipeline', 'product', 'order', 'custom_field', 'settings'];

/** A day typed in the reader's calendar → the instant its local midnight falls on. */
const dayStart = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

export function recordLink(entity: string, id: string): string | null {
  if (entity === 'contact' || entity === 'lead') return `/contacts/${id}`;
  if (entity === 'company') return `/companies/${id}`;
  if (entity === 'deal') return `/deals?deal=${id}`;
  return null;
}

function recordName(e: AuditEntry): string | null {
  const v = (e.after ?? e.before) as Record<string, unknown> | null;
  const name = v && (v.displayName ?? v.name);
  return typeof name === 'string' ? name : null;
}

export function AuditLogSection() {
  const { t } = useTranslation();
  const [p, setP] = useUrlParams(KEYS);
  const users = useUserDirectory();
  const log = useAuditLog({
    actorId: p.auditUser || undefined, entity: p.auditEntity || undefined, entityId: p.auditRecord.trim() || undefined,
    from: p.auditFrom ? dayStart(p.auditFrom) : undefined, to: p.auditTo ? dayStart(p.auditTo, 1) : undefined,
  });
  const verify = useVerifyAudit();
  const words = useActionWords();
  const entries = log.data?.pages.flatMap((x) => x.data) ?? [];
  const result = verify.data;

  return (
    <Stack gap="md" data-testid="audit-log">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>{t('history.auditHint')}</Text>
        <Button leftSection={<IconShieldCheck size={16} />} variant="light" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
          {t('history.verify')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} data-testid="verify-result">
          {result.ok ? t('history.intact', { count: result.checked }) : t('history.broken', { seq: result.firstBrokenSeq })}
        </Alert>
      )}
      {verify.error && <ErrorAlert error={verify.error} />}
      <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="xs">
        <Select
          label={t('history.user')} placeholder={t('history.anyone')} clearable searchable data-testid="audit-user"
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={p.auditUser || null} onChange={(v) => setP({ auditUser: v })}
        />
        <Select
          label={t('history.recordType')} placeholder={t('history.anyRecord')} clearable
          data={ENTITIES.map((e) => ({ value: e, label: t(`history.entities.${e}`) }))} value={p.auditEntity || null} onChange={(v) => setP({ auditEntity: v })}
        />
        <TextInput label={t('history.recordId')} value={p.auditRecord} onChange={(e) => setP({ auditRecord: e.currentTarget.value })} />
        <DateField label={t('history.from')} value={p.auditFrom} onChange={(v) => setP({ auditFrom: v })} />
        <DateField label={t('history.to')} value={p.auditTo} onChange={(v) => setP({ auditTo: v })} />
      </SimpleGrid>
      {log.isPending ? <ListSkeleton rows={5} /> : log.error && entries.length === 0 ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : entries.length === 0 ? (
        <EmptyState title={t('history.noEntries')} />
      ) : (
        <Stack gap="xs">
          {entries.map((e) => {
            const href = recordLink(e.entity, e.entityId);
            const name = recordName(e) ?? t('history.open');
            return (
              <Card key={e.seq} withBorder padding="sm" data-testid="audit-entry">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" fw={600}>{words(e)}</Text>
                  <Text size="xs" c="dimmed">{formatDateTime(e.at)} · #{e.seq}</Text>
                </Group>
                <Text size="sm" mb={4}>
                  {t(`history.entities.${e.entity}`, { defaultValue: t('history.entities.other') })}
                  {href ? <> · <Anchor component={Link} to={href} size="sm">{name}</Anchor></> : recordName(e) ? ` · ${name}` : ''}
                </Text>
                <ChangeList changes={e.changes} />
              </Card>
            );
          })}
        </Stack>
      )}
      <LoadMore shown={entries.length} hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
    </Stack>
  );
}
