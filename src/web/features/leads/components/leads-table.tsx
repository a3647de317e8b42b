// Leads as a table on wide screens (name, company, score with its breakdown, status, owner with the assignment
// explanation) and as cards on phones.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import type { Lead } from '../api/get-leads';
import { ConvertLeadButton } from './convert-lead-modal';
import { ScorePopover } from './score-popover';
import { LeadCards } from './lead-cards';
import { AssignmentWhy } from './assignment-why';
import { LEAD_STATUS_COLOR } from './lead-status';

export function LeadsTable({ leads }: { leads: Lead[] }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  if (narrow) return <LeadCards leads={leads} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leads.name')}</Table.Th>
            <Table.Th>{t('leads.score')}</Table.Th>
            <Table.Th>{t('leads.status')}</Table.Th>
            <Table.Th>{t('common.owner')}</Table.Th>
            <Table.Th>{t('leads.source')}</Table.Th>
            <Table.Th>{t('leads.created')}</Table.Th>
            <Table.Th aria-label={t('leads.convert.action')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((l) => (
            <Table.Tr key={l.contactId} data-testid="lead-row">
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${l.contactId}`} size="sm" fw={500}>{l.displayName}</Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>{[l.title, l.companyName].filter(Boolean).join(' · ') || l.email}</Text>
              </Table.Td>
              <Table.Td><ScorePopover contactId={l.contactId} score={l.score} /></Table.Td>
              <Table.Td><Badge variant="light" color={LEAD_STATUS_COLOR[l.status]}>{t(`leads.statuses.${l.status}`)}</Badge></Table.Td>
              <Table.Td maw={280}>
                <Text size="sm">{l.ownerName ?? t('leads.unassigned')}</Text>
                <AssignmentWhy lead={l} withTitle />
              </Table.Td>
              <Table.Td><Text size="sm">{l.source ?? t('common.empty')}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatDate(l.createdAt)}</Text></Table.Td>
              <Table.Td><ConvertLeadButton lead={l} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
