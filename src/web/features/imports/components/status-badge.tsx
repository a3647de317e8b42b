// Colored badge for an import's status.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../api/imports';

const COLORS: Record<ImportStatus, string> = { uploaded: 'gray', queued: 'blue', running: 'blue', done: 'green', failed: 'red', cancelled: 'orange' };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`imports.statuses.${status}`)}
    </Badge>
  );
}
