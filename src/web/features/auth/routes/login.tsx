// Login page.
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-error';
import { useLogin } from '../api/use-auth-actions';
import { useMe } from '../api/use-me';
import { AuthCard } from '../components/auth-card';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('auth.invalidEmail')),
      password: (v) => (v ? null : t('common.required')),
    },
  });
  const from = (location.state as { from?: string } | null)?.from ?? '/today';

  if (me.data) return <Navigate to={from} replace />;

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError) form.setErrors(err.fieldErrors());
      },
    }),
  );

  const wrongCredentials = login.error instanceof ApiError && login.error.status === 401;

  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {login.error && <ErrorAlert error={login.error} message={wrongCredentials ? t('auth.wrongCredentials') : undefined} />}
          <TextInput label={t('auth.email')} type="email" autoComplete="username" name="email" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" name="password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
