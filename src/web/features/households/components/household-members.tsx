// The members of a household, linked to their contacts; admins move a contact in (out of any other) or out.
import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { formatPhone } from '../../../lib/format-phone';
import { useAddMember, useRemoveMember, type Household } from '../api/households';
import { ContactPicker } from './contact-picker';

export function HouseholdMembers({ household, admin }: { household: Household; admin: boolean }) {
  const { t } = useTranslation();
  const add = useAddMember(household.id);
  const remove = useRemoveMember(household.id);
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  const onRemove = (id: string, name: string) => window.confirm(t('households.confirmRemove', { name })) && remove.mutate(id, { onError: fail });

  return (
    <Card withBorder>
      <Title order={4} mb="sm">{t('households.members')}</Title>
      <Stack gap="xs" data-testid="household-members">
        {household.members.length === 0 && <Text size="sm" c="dimmed">{t('households.noMembers')}</Text>}
        {household.hiddenMembers > 0 && <Text size="sm" c="dimmed" data-testid="hidden-members">{t('households.hiddenMembers', { count: household.hiddenMembers })}</Text>}
        {household.members.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="member-row">
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/contacts/${m.id}`} fw={500}>{m.displayName}</Anchor>
                {m.origin === 'manual' && <Badge size="xs" variant="light" color="grape">{t('households.placedByHand')}</Badge>}
              </Group>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>{[...m.emails, ...m.phones.map(formatPhone)].join(' · ')}</Text>
            </div>
            {admin && (
              <Tooltip label={t('households.remove')} withArrow>
                <ActionIcon variant="subtle" color="red" aria-label={t('households.remove')} loading={remove.isPending && remove.variables === m.id} onClick={() => onRemove(m.id, m.displayName)}>
                  <IconUserMinus size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {admin && (
          <ContactPicker
            label={t('households.addMember')}
            exclude={household.members.map((m) => m.id)}
            onPick={(id) => add.mutate(id, { onSuccess: () => notifications.show({ color: 'green', message: t('households.memberAdded') }), onError: fail })}
          />
        )}
        {admin && <Text size="xs" c="dimmed">{t('households.correctionsHint')}</Text>}
      </Stack>
    </Card>
  );
}
