// A form's submissions, newest first: when, status, the person (linked to their contact), the values, UTM and errors.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadMore } from '../../../components/load-more';
import { formatDateTime } from '../../../lib/format';
import { useSubmissions, type Submission, type WebForm } from '../api/web-forms';

const COLORS: Record<Submission['status'], string> = { received: 'gray', processing: 'gray', processed: 'green', spam: 'orange', failed: 'red' };

export function FormSubmissions({ form }: { form: WebForm }) {
  const { t } = useTranslation();
  const subs = useSubmissions(form.id);
  if (subs.isPending) return <ListSkeleton rows={3} />;
  if (subs.error) return <ErrorAlert error={subs.error} onRetry={() => void subs.refetch()} />;
  const rows = subs.data.pages.flatMap((p) => p.data);
  if (!rows.length) return <EmptyState title={t('webForms.noSubmissions')} />;
  const labelOf = (key: string) => form.fields.find((f) => f.key === key)?.label ?? key;
  return (
    <Stack gap="xs" data-testid="web-form-submissions">
      {rows.map((s) => (
        <Card key={s.id} withBorder padding="xs">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {s.contactId ? <Anchor component={Link} to={`/contacts/${s.contactId}`}>{s.contactName ?? s.fields.email}</Anchor> : (s.fields.email ?? '—')}
            </Text>
            <Group gap={6}>
              <Badge size="sm" color={COLORS[s.status]} variant="light">{t(`webForms.status.${s.status}`)}</Badge>
              {s.consent && <Badge size="sm" variant="outline">{s.confirmedAt ? t('webForms.consentConfirmed') : form.doubleOptIn ? t('webForms.consentPending') : t('webForms.consentGiven')}</Badge>}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">{formatDateTime(s.receivedAt)}{s.utm ? ` · UTM ${Object.entries(s.utm).map(([k, v]) => `${k}=${v}`).join(', ')}` : ''}</Text>
          <Text size="xs" style={{ wordBreak: 'break-word' }}>{Object.entries(s.fields).filter(([k]) => k !== 'email').map(([k, v]) => `${labelOf(k)}: ${v}`).join(' · ')}</Text>
          {s.error && <Text size="xs" c="red">{s.error}</Text>}
        </Card>
      ))}
      <LoadMore shown={rows.length} hasMore={subs.hasNextPage} loading={subs.isFetchingNextPage} onLoadMore={() => void subs.fetchNextPage()} />
    </Stack>
  );
}
