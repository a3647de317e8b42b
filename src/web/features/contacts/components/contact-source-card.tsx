// What an import kept about a contact from its source system: the creation date there and phone numbers kept as typed.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Contact } from '../../../types/api';

export function ContactSourceCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const raw = contact.rawPhones ?? [];
  if (!contact.sourceCreatedAt && !raw.length) return null;
  return (
    <Card withBorder data-testid="contact-source">
      <Title order={5} mb="xs">
        {t('contacts.fromSource')}
      </Title>
      <Stack gap={6}>
        {contact.sourceCreatedAt && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('contacts.sourceCreatedAt')}
            </Text>
            <Text size="sm" data-testid="source-created-at">{formatDateTime(contact.sourceCreatedAt)}</Text>
          </Group>
        )}
        {raw.length > 0 && (
          <div>
            <Text size="sm" c="dimmed">
              {t('contacts.rawPhones')}
            </Text>
            <Group gap={4} mt={2}>
              {raw.map((p) => (
                <Badge key={p} color="orange" variant="light" tt="none">
                  {p}
                </Badge>
              ))}
            </Group>
          </div>
        )}
      </Stack>
    </Card>
  );
}
