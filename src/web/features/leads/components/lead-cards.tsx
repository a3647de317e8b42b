// Leads as cards on phones: name and company, status, score, owner with why they got it, and the convert action.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../api/get-leads';
import { ConvertLeadButton } from './convert-lead-modal';
import { ScorePopover } from './score-popover';
import { AssignmentWhy } from './assignment-why';
import { LEAD_STATUS_COLOR } from './lead-status';

export function LeadCards({ leads }: { leads: Lead[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="leads-cards">
      {leads.map((l) => (
        <Card key={l.contactId} withBorder padding="sm" data-testid="lead-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/contacts/${l.contactId}`} fw={600} truncate>{l.displayName}</Anchor>
              <Text size="sm" c="dimmed" truncate>{[l.title, l.companyName].filter(Boolean).join(' · ') || l.email}</Text>
            </Stack>
            <Group gap={6} wrap="nowrap">
              <ScorePopover contactId={l.contactId} score={l.score} />
              <Badge variant="light" color={LEAD_STATUS_COLOR[l.status]}>{t(`leads.statuses.${l.status}`)}</Badge>
            </Group>
          </Group>
          <Group justify="space-between" wrap="nowrap" align="flex-end" mt={6}>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{l.ownerName ?? t('leads.unassigned')}</Text>
              <AssignmentWhy lead={l} />
            </Stack>
            <ConvertLeadButton lead={l} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
