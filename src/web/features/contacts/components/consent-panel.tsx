// The consent panel of a contact's profile: per channel its status (changeable), source and date, and the history.
import { useState } from 'react';
import { Badge, Button, Collapse, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { CONSENT_CHANNELS, type ConsentStatus, type Contact } from '../../../types/api';
import { useContactConsent } from '../api/get-contact-consent';
import type { ContactInput } from '../api/contact-mutations';

const STATUSES: ConsentStatus[] = ['granted', 'withdrawn', 'unknown'];
const COLOR: Record<ConsentStatus, string> = { granted: 'green', withdrawn: 'red', unknown: 'gray' };
const KNOWN_SOURCES = ['user', 'api', 'form', 'import', 'merge', 'merge_undo', 'unsubscribe', 'complaint', 'migrated', 'system'];

export function ConsentPanel({ contact, save }: { contact: Contact; save: (patch: ContactInput) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useContactConsent(contact.id);
  const sourceLabel = (s: string | null) => (s === null ? t('common.empty') : KNOWN_SOURCES.includes(s) ? t(`contacts.consentSources.${s}`) : s);
  const statusLabel = (s: ConsentStatus) => t(`contacts.consentStatuses.${s}`);
  const events = history.data?.data ?? [];

  return (
    <div data-testid="consent-panel">
      <Text size="xs" c="dimmed" mb={4}>{t('contacts.consent')}</Text>
      <Stack gap={6}>
        {CONSENT_CHANNELS.map((ch) => {
          const state = contact.consentStatus?.[ch] ?? { status: contact.consent?.[ch] ? 'granted' : 'unknown', source: null, at: null };
          return (
            <Group key={ch} gap="sm" wrap="nowrap" data-testid={`consent-${ch}`}>
              <Text size="sm" w={56}>{t(`contacts.consentChannels.${ch}`)}</Text>
              <Select
                size="xs"
                w={130}
                aria-label={t(`contacts.consentChannels.${ch}`)}
                data={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
                value={state.status}
                allowDeselect={false}
                onChange={(v) => v && v !== state.status && void save({ consent: { [ch]: v as ConsentStatus } }).catch(() => undefined)}
                leftSection={<Badge size="xs" circle color={COLOR[state.status]}> </Badge>}
              />
              <Text size="xs" c="dimmed" truncate>
                {state.status === 'unknown' && !state.source ? t('contacts.consentNeverAsked') : t('contacts.consentSourceAt', { source: sourceLabel(state.source), at: state.at ? formatDateTime(state.at) : t('contacts.consentDateUnknown') })}
              </Text>
            </Group>
          );
        })}
      </Stack>
      <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setOpen((o) => !o)} data-testid="consent-history-toggle">
        {t('contacts.consentHistory', { count: events.length })}
      </Button>
      <Collapse expanded={open}>
        {events.length === 0 ? (
          <Text size="xs" c="dimmed">{t('contacts.consentNoHistory')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={460}>
            <Table fz="xs" verticalSpacing={2} style={{ whiteSpace: 'nowrap' }} data-testid="consent-history">
              <Table.Tbody>
                {events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{t(`contacts.consentChannels.${e.channel}`)}</Table.Td>
                    <Table.Td>
                      {e.previousStatus ? `${statusLabel(e.previousStatus)} → ` : ''}
                      <Badge size="xs" variant="light" color={COLOR[e.status]}>{statusLabel(e.status)}</Badge>
                    </Table.Td>
                    <Table.Td>{sourceLabel(e.source)}{e.detail ? ` · ${e.detail.slice(0, 8)}…` : ''}</Table.Td>
                    <Table.Td>{e.actorName ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Collapse>
    </div>
  );
}
