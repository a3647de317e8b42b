// First-run setup: creates the first administrator when the server has no users.
import { Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/list-skeleton';
import { ApiError } from '../../../lib/api-error';
import { applyLocale, currentLocale, LOCALES } from '../../../lib/i18n';
import type { Locale } from '../../../types/api';
import { useSetup } from '../api/use-auth-actions';
import { useSetupStatus } from '../api/use-me';
import { AuthCard } from '../components/auth-card';

export function SetupRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', locale: currentLocale() as Locale },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('auth.invalidEmail')),
      password: (v) => (v.length >= 8 ? null : t('auth.passwordTooShort')),
    },
  });

  if (status.isPending) return <PageSkeleton />;
  if (status.data && !status.data.needsSetup) return <Navigate to="/login" replace />;

  const submit = form.onSubmit((values) =>
    setup.mutate(values, {
      onSuccess: () => navigate('/today', { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError) form.setErrors(err.fieldErrors());
      },
    }),
  );

  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {status.error && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
          {setup.error && <ErrorAlert error={setup.error} />}
          <TextInput label={t('setup.name')} name="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" name="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            name="password"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Select
            label={t('setup.language')}
            data={LOCALES}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            onChange={(v) => {
              if (v === 'en' || v === 'zh-CN') {
                form.setFieldValue('locale', v);
                applyLocale(v);
              }
            }}
          />
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
