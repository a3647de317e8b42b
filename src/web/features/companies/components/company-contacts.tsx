// The people who work at a company, each linking to their 360° page.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LifecycleBadge } from '../../../components/lifecycle-badge';
import type { Contact } from '../../../types/api';
import { formatPhone } from '../../../lib/format-phone';

export function CompanyContacts({ contacts, companyId, total }: { contacts: Contact[]; companyId: string; total: number }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <Text size="sm" c="dimmed">{t('companies.noContacts')}</Text>;
  return (
    <Stack gap="xs" data-testid="company-contacts">
      {contacts.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={500}>{c.displayName}</Anchor>
            <Text size="xs" c="dimmed" truncate>{[c.title, c.emails[0], formatPhone(c.phones[0])].filter(Boolean).join(' · ')}</Text>
          </div>
          <LifecycleBadge stage={c.lifecycleStage} />
        </Group>
      ))}
      {total > contacts.length && (
        <Anchor component={Link} to={`/contacts?company=${companyId}`} size="sm">
          {t('companies.allContacts', { count: total })}
        </Anchor>
      )}
    </Stack>
  );
}
