// Settings → Email: the outgoing mail server (stored encrypted; the password is never shown, blank keeps it).
import { Alert, Button, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useSaveSmtpSettings, useSmtpSettings } from '../api/email';

export function SmtpSettingsForm() {
  const { t } = useTranslation();
  const settings = useSmtpSettings();
  const save = useSaveSmtpSettings();
  const form = useForm({ initialValues: { host: '', port: 587 as number | string, secure: false, user: '', password: '', fromAddress: '', fromName: '' } });
  useEffect(() => {
    const s = settings.data;
    if (s) form.setValues({ host: s.host ?? '', port: s.port ?? 587, secure: s.secure ?? false, user: s.user ?? '', password: '', fromAddress: s.fromAddress ?? '', fromName: s.fromName ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.data]);
  const submit = form.onSubmit((v) =>
    save.mutate(
      { host: v.host.trim() || null, port: Number(v.port) || null, secure: v.secure, user: v.user.trim() || null, ...(v.password && { password: v.password }), fromAddress: v.fromAddress.trim() || null, fromName: v.fromName.trim() || null },
      { onSuccess: () => notifications.show({ color: 'green', message: t('email.settings.saved') }) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="smtp-settings">
      <Stack gap="sm">
        <Title order={4}>{t('email.settings.outgoing')}</Title>
        {settings.data?.source === 'environment' && <Alert color="blue">{t('email.settings.fromEnvironment')}</Alert>}
        {settings.data?.source === 'none' && <Alert color="yellow">{t('email.settings.notSet')}</Alert>}
        {save.error && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('email.settings.host')} placeholder="smtp.example.com" {...form.getInputProps('host')} />
          <NumberInput label={t('email.settings.port')} min={1} max={65535} {...form.getInputProps('port')} />
          <TextInput label={t('email.settings.user')} autoComplete="off" {...form.getInputProps('user')} />
          <PasswordInput label={t('email.settings.password')} autoComplete="new-password" placeholder={settings.data?.hasPassword ? t('email.settings.passwordKept') : ''} {...form.getInputProps('password')} />
          <TextInput label={t('email.settings.fromAddress')} placeholder="service@example.com" {...form.getInputProps('fromAddress')} />
          <TextInput label={t('email.settings.fromName')} {...form.getInputProps('fromName')} />
        </SimpleGrid>
        <Switch label={t('email.settings.secure')} {...form.getInputProps('secure', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('email.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
