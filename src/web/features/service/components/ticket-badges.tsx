// A ticket's status and priority as small coloured badges, in the reader's language.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const statusColor: Record<string, string> = { new: 'blue', open: 'orange', pending: 'yellow', on_hold: 'gray', solved: 'green', closed: 'dark' };
const priorityColor: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge color={statusColor[status] ?? 'gray'} variant="light" data-testid="ticket-status">{t(`tickets.status.${status}`)}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return <Badge color={priorityColor[priority] ?? 'gray'} variant="outline">{t(`tickets.priority.${priority}`)}</Badge>;
}
