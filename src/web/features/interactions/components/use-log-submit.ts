// Shared submit logic of the "log activity" forms: create, map field errors, reset, confirm.
import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useCreateInteraction, type InteractionInput, type TimelineTarget } from '../api/interactions';

export function useLogSubmit<V extends Record<string, unknown>>(form: UseFormReturnType<V>, target: TimelineTarget, toInput: (v: V) => InteractionInput, onSaved?: () => void) {
  const { t } = useTranslation();
  const create = useCreateInteraction();
  const submit = form.onSubmit((values) =>
    create.mutate(
      // On a deal the server picks the contact or company to hang it on.
      target.dealId ? { ...toInput(values), dealId: target.dealId } : { ...toInput(values), contactId: target.contactId ?? null, companyId: target.companyId ?? null },
      {
        onSuccess: (item) => {
          form.reset();
          onSaved?.();
          notifications.show({ color: 'green', message: t('interactions.logged', { type: t(`interactions.types.${item.type}`) }) });
        },
        onError: (err) => form.setErrors(formErrorsFrom(err, ['attendees'])),
      },
    ),
  );
  return { submit, create, hasFieldErrors: Object.keys(form.errors).length > 0 };
}
