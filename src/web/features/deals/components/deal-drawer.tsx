// Deal detail in a drawer: key facts, contacts and line items (each editable in place), orders, the stage history and the
// deal's own timeline (log a call, note, meeting or task on it; its contacts' activity shows there too).
import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Button, Drawer, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formatDateTime } from '../../../lib/format';
import { useDeal } from '../api/get-deals';
import { DealContactsEditor } from './deal-contacts-editor';
import { DealEditForm } from './deal-edit-form';
import { DealFacts } from './deal-facts';
import { DealLineItems } from './deal-line-items';
import { LineItemsEditor } from './line-items-editor';
import { displayName } from '../../../lib/default-names';
import { useMe } from '../../auth';
import { InteractionTimeline, LogActivity } from '../../interactions';
import { EmailComposerButton } from '../../email';

type Editing = 'facts' | 'contacts' | 'lines' | null;

function Section({ title, onEdit, testId, children }: { title?: string; onEdit?: () => void; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group justify="space-between" mb={4} wrap="nowrap">
        {title ? <Title order={5}>{title}</Title> : <span />}
        {onEdit && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconEdit size={14} />} onClick={onEdit} data-testid={testId}>
            {t('dealEdit.edit')}
          </Button>
        )}
      </Group>
      {children}
    </div>
  );
}

export function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const deal = useDeal(id);
  const me = useMe().data;
  const [editing, setEditing] = useState<Editing>(null);
  useEffect(() => setEditing(null), [id]);
  const d = deal.data;
  const done = () => setEditing(null);
  const edit = (what: Editing) => (editing === null ? () => setEditing(what) : undefined);
  const days = (s: number) => t('deals.days', { count: Math.max(0, Math.round(s / 86400)) });
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size={narrow ? '100%' : 'lg'} title={d?.name ?? t('deals.deal')} data-testid="deal-drawer">
      {deal.isPending ? (
        <ListSkeleton rows={6} />
      ) : deal.error ? (
        <ErrorAlert error={deal.error} onRetry={() => void deal.refetch()} />
      ) : d ? (
        <Stack>
          <Section onEdit={edit('facts')} testId="edit-deal">
            {editing === 'facts' ? <DealEditForm deal={d} onDone={done} /> : <DealFacts d={d} />}
          </Section>
          <Section title={t('deals.contacts')} onEdit={edit('contacts')} testId="edit-deal-contacts">
            {editing === 'contacts' ? (
              <DealContactsEditor deal={d} onDone={done} />
            ) : d.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">{t('dealEdit.noContacts')}</Text>
            ) : (
              d.contacts.map((c) => (
                <Text key={c.contactId} size="sm" data-testid="deal-contact">
                  <Anchor component={Link} to={`/contacts/${c.contactId}`}>{c.displayName}</Anchor>
                  {c.role ? ` · ${c.role}` : ''}
                </Text>
              ))
            )}
          </Section>
          <Section title={t('deals.lineItems')} onEdit={edit('lines')} testId="edit-line-items">
            {editing === 'lines' ? <LineItemsEditor deal={d} onDone={done} /> : <DealLineItems d={d} />}
          </Section>
          {d.orderIds.length > 0 && <Text size="sm" c="green" data-testid="deal-orders">{t('deals.ordersMade', { count: d.orderIds.length })}</Text>}
          <div>
            <Title order={5} mb="xs">{t('deals.stageHistory')}</Title>
            <Timeline active={d.stageHistory.length - 1} bulletSize={14} lineWidth={2}>
              {d.stageHistory.map((h) => (
                <Timeline.Item key={`${h.stageId}-${h.enteredAt}`} title={displayName(h.stageName, t)}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.enteredAt)} · {h.leftAt ? days(h.secondsInStage) : t('deals.currentFor', { duration: days(h.secondsInStage) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
          <div data-testid="deal-activity">
            <Title order={5} mb="xs">{t('deals.activity')}</Title>
            <Stack gap="sm">
              <Group justify="flex-end"><EmailComposerButton record={{ dealId: d.id }} /></Group>
              {me && <LogActivity target={{ dealId: d.id }} me={me} />}
              <InteractionTimeline target={{ dealId: d.id }} />
            </Stack>
          </div>
        </Stack>
      ) : null}
    </Drawer>
  );
}
