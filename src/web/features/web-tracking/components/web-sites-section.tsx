// Settings → Websites (admins): each site as a card with its snippet, how pages call it, refused events by reason,
// on/off, edit and a new secret; the raw-event retention below.
import { Badge, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWorldWww } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { signingCode, trackingCalls, trackingSnippet, useRejections, useRotateWebSiteSecret, useSaveTrackingSettings, useSaveWebSite, useTrackingSettings, useWebSites, type Rejection, type WebSite } from '../api/web-sites';
import { CopyableCode } from './copyable-code';
import { SecretAndSnippet, WebSiteModal } from './web-site-modal';

function RejectionTable({ rows }: { rows: Rejection[] }) {
  const { t } = useTranslation();
  if (!rows.length) return <Text size="xs" c="dimmed">{t('webSites.noRejections')}</Text>;
  return (
    <Table fz="xs" withRowBorders={false} data-testid="web-site-rejections">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.reason}>
            <Table.Td>{t(`webSites.reasons.${r.reason}`, { defaultValue: r.reason })}</Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SiteCard({ s, rejections, onEdit, onRotate }: { s: WebSite; rejections: Rejection[]; onEdit: () => void; onRotate: () => void }) {
  const { t } = useTranslation();
  const toggle = useSaveWebSite(s.id);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  return (
    <Card withBorder padding="sm" data-testid="web-site" style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap={6} style={{ minWidth: 0 }} wrap="nowrap">
          <Text fw={600} truncate>{s.name}</Text>
          {s.requireConsent && <Badge size="sm" variant="light">{t('webSites.consentFirst')}</Badge>}
        </Group>
        <Switch aria-label={t('webSites.enabled')} checked={s.enabled} onChange={(e) => toggle.mutate({ enabled: e.currentTarget.checked }, { onError: fail })} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs" style={{ wordBreak: 'break-all' }}>{t('webSites.onlyOn', { origins: s.allowedOrigins.join(', ') })}</Text>
      <Stack gap="xs">
        <CopyableCode testId="web-site-snippet" label={t('webSites.snippet')} value={trackingSnippet(s)} />
        <Text size="xs" c="dimmed">{t('webSites.snippetHint')}</Text>
        <CopyableCode testId="web-site-calls" label={t('webSites.calls')} value={trackingCalls} />
        <Text size="xs" c="dimmed">{t('webSites.signedHint')}</Text>
        <CopyableCode testId="web-site-signing" value={signingCode} />
        <Text size="sm" fw={500}>{t('webSites.rejections')}</Text>
        <RejectionTable rows={rejections} />
      </Stack>
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button size="xs" variant="default" onClick={onEdit} data-testid="web-site-edit">{t('webSites.edit')}</Button>
        <Button size="xs" variant="light" color="orange" onClick={onRotate}>{t('webSites.rotate')}</Button>
      </Group>
    </Card>
  );
}

function RetentionSetting() {
  const { t } = useTranslation();
  const settings = useTrackingSettings();
  const save = useSaveTrackingSettings();
  const [days, setDays] = useState<number | string>('');
  useEffect(() => setDays(settings.data?.retentionDays ?? ''), [settings.data]);
  const ok = typeof days === 'number' && days >= 1 && days <= 3650;
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <NumberInput label={t('webSites.retention')} description={t('webSites.retentionHint')} min={1} max={3650} value={days} onChange={setDays} w={260} />
      <Button variant="default" disabled={!ok || days === settings.data?.retentionDays} loading={save.isPending} onClick={() => ok && save.mutate({ retentionDays: days }, { onSuccess: () => notifications.show({ message: t('webSites.saved') }) })}>{t('webSites.save')}</Button>
    </Group>
  );
}

export function WebSitesSection() {
  const { t } = useTranslation();
  const sites = useWebSites();
  const rejections = useRejections();
  const rotate = useRotateWebSiteSecret();
  const [editing, setEditing] = useState<WebSite | 'new' | null>(null);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onRotate = (s: WebSite) => window.confirm(t('webSites.confirmRotate', { name: s.name })) && rotate.mutate(s.id, { onError: fail });
  const unknown = (rejections.data ?? []).filter((r) => r.siteId === null);
  return (
    <Stack gap="sm" data-testid="web-sites">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('webSites.title')}</Title>
          <Text c="dimmed" size="sm">{t('webSites.hint')}</Text>
        </div>
        <Button leftSection={<IconWorldWww size={16} />} onClick={() => setEditing('new')} data-testid="new-web-site">{t('webSites.new')}</Button>
      </Group>
      {sites.isPending ? (
        <ListSkeleton rows={2} />
      ) : sites.error ? (
        <ErrorAlert error={sites.error} onRetry={() => void sites.refetch()} />
      ) : sites.data.length === 0 ? (
        <EmptyState title={t('webSites.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {sites.data.map((s) => <SiteCard key={s.id} s={s} rejections={(rejections.data ?? []).filter((r) => r.siteId === s.id)} onEdit={() => setEditing(s)} onRotate={() => onRotate(s)} />)}
        </SimpleGrid>
      )}
      {unknown.length > 0 && (
        <Card withBorder padding="sm">
          <Text size="sm" fw={500}>{t('webSites.unattributed')}</Text>
          <RejectionTable rows={unknown} />
        </Card>
      )}
      <RetentionSetting />
      <WebSiteModal opened={editing !== null} site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <Modal opened={Boolean(rotate.data)} onClose={() => rotate.reset()} title={t('webSites.rotate')} size="lg">
        {rotate.data && <SecretAndSnippet site={rotate.data} />}
      </Modal>
    </Stack>
  );
}
