// My profile: name, language, time zone and password.
import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { InlineEditField } from '../../../components/inline-edit-field';
import { ApiError } from '../../../lib/api-error';
import { formErrorsFrom } from '../../../lib/form-errors';
import { applyLocale, currentLocale, LOCALES } from '../../../lib/i18n';
import type { User } from '../../../types/api';
import { useChangePassword, useUpdateMe } from '../../auth';
import { useAppSettings } from '../../../api/shared-queries';
import { TimeZoneSelect } from './time-zone-select';

export function ProfileSection({ me }: { me: User }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const change = useChangePassword();
  const org = useAppSettings();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { newPassword: (v) => (v.length >= 8 ? null : t('auth.passwordTooShort')) },
  });
  const submit = form.onSubmit((v) =>
    change.mutate(v, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('settings.profile.passwordChanged') });
      },
      onError: (err) => form.setErrors(formErrorsFrom(err)),
    }),
  );
  const wrongCurrent = change.error instanceof ApiError && (change.error.status === 401 || change.error.status === 403);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <InlineEditField label={t('settings.users.name')} value={me.name} onSave={(v) => updateMe.mutateAsync({ name: typeof v === 'string' && v.trim() ? v.trim() : me.name })} />
        <div>
          <Text size="xs" c="dimmed">{t('auth.email')}</Text>
          <Text size="sm">{me.email}</Text>
        </div>
        <Select
          label={t('shell.language')}
          data={LOCALES}
          value={currentLocale()}
          allowDeselect={false}
          onChange={(v) => {
            if (v !== 'en' && v !== 'zh-CN') return;
            applyLocale(v);
            updateMe.mutate({ locale: v });
          }}
        />
        <TimeZoneSelect
          label={t('settings.timeZone.mine')}
          description={t('settings.timeZone.mineHint')}
          value={me.timeZone}
          placeholder={t('settings.timeZone.organisations', { zone: org.data?.timeZone ?? 'UTC' })}
          clearable
          onChange={(tz) => updateMe.mutate({ timeZone: tz }, { onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }) })}
          testId="my-time-zone"
        />
        <div>
          <Text size="xs" c="dimmed">{t('settings.users.role')}</Text>
          <Text size="sm">{t(`roles.${me.role}`)}</Text>
        </div>
      </SimpleGrid>
      <form onSubmit={submit} noValidate>
        {/* Lets password managers know whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <Title order={4} mb="sm">{t('settings.profile.changePassword')}</Title>
        <Stack maw={420}>
          {change.error && Object.keys(form.errors).length === 0 && (
            <ErrorAlert error={change.error} message={wrongCurrent ? t('settings.profile.wrongPassword') : undefined} />
          )}
          <PasswordInput label={t('settings.profile.currentPassword')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('settings.profile.newPassword')} description={t('auth.passwordHint')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <Group>
            <Button type="submit" loading={change.isPending}>{t('settings.profile.changePassword')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
