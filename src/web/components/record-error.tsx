// Error for a single-record page: "not found" gets a way back to the list, other failures a retry.
import { Button } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/api-error';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';

export function RecordError({ error, onRetry, backTo, backLabel }: { error: unknown; onRetry: () => void; backTo: string; backLabel: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <EmptyState
        icon={<IconSearchOff size={28} />}
        title={t('errors.recordMissing')}
        description={t('errors.notFound')}
        action={<Button component={Link} to={backTo}>{backLabel}</Button>}
      />
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
