// A readable error box with an optional retry button.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

export function ErrorAlert({ error, message, onRetry }: { error: unknown; message?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('errors.title')}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" data-testid="error-message">{message ?? errorMessage(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
