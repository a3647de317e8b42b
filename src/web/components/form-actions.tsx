// Footer of a form (in a modal or inline): Cancel on the left of the submit button, which says Create unless told
// otherwise. The button submits its <form>, or, given `onSubmit`, runs that instead (dialogs without a form element).
import type { ReactNode } from 'react';
import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  /** The save is in flight: the submit button spins and cannot be pressed twice. */
  loading?: boolean;
  submitLabel?: ReactNode;
  submitTestId?: string;
  onSubmit?: () => void;
  disabled?: boolean;
  color?: MantineColor;
}

export function FormActions({ onCancel, loading = false, submitLabel, submitTestId, onSubmit, disabled, color }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit} loading={loading} disabled={disabled} color={color} data-testid={submitTestId}>
        {submitLabel ?? t('common.create')}
      </Button>
    </Group>
  );
}
