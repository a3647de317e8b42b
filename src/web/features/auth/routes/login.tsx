// Login page.
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
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
  // Says what happened (wrong email or password, too many attempts and for how long), not a generic heading.
  const problem = login.error ? (wrongCredentials ? t('auth.wrongCredentials') : errorMessage(login.error, t)) : null;

  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="login-error">
              {problem}
            </Alert>
          )}
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
