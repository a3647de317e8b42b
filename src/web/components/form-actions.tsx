// Footer of a form (in a modal or inline): Cancel on the left of the submit button, which says Create unless told otherwise.
import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  /** The save is in flight: the submit button spins and cannot be pressed twice. */
  loading: boolean;
  submitLabel?: ReactNode;
  submitTestId?: string;
}

export function FormActions({ onCancel, loading, submitLabel, submitTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" loading={loading} data-testid={submitTestId}>{submitLabel ?? t('common.create')}</Button>
    </Group>
  );
}
