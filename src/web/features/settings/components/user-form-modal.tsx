// Modal to create a user (admin).
import { Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { ROLES, type Role } from '../../../types/api';
import { useCreateUser } from '../api/admin';

export function UserFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const teams = useTeams();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', role: 'sales' as Role, teamId: null as string | null },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('auth.invalidEmail')),
      password: (v) => (v.length >= 8 ? null : t('auth.passwordTooShort')),
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((v) =>
    create.mutate(v, { onSuccess: close, onError: (err) => form.setErrors(formErrorsFrom(err)) }),
  );
  return (
    <Modal opened={opened} onClose={close} title={t('settings.users.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} />}
          <TextInput label={t('settings.users.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" required {...form.getInputProps('email')} />
          <PasswordInput label={t('settings.users.initialPassword')} description={t('auth.passwordHint')} required {...form.getInputProps('password')} />
          <Select label={t('settings.users.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
          <Select label={t('settings.users.team')} data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} clearable placeholder={t('settings.users.noTeam')} {...form.getInputProps('teamId')} />
          <FormActions onCancel={close} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
