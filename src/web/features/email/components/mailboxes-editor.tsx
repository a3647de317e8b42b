// Settings → Email: the mailboxes Rapport reads over IMAP (password stored encrypted, never shown), with "read now".
import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { errorMessage } from '../../../lib/error-message';
import { useMailboxes, usePollMailbox, useSaveMailbox, type Mailbox } from '../api/email';

function MailboxForm({ mailbox, onDone }: { mailbox: Mailbox | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMailbox();
  const form = useForm({
    initialValues: { name: mailbox?.name ?? '', address: mailbox?.address ?? '', imapHost: mailbox?.imapHost ?? '', imapPort: mailbox?.imapPort ?? 993, imapSecure: mailbox?.imapSecure ?? true, imapUser: mailbox?.imapUser ?? '', imapPassword: '', imapMailbox: mailbox?.imapMailbox ?? 'INBOX' },
    validate: { name: (v) => (v.trim() ? null : t('common.required')), address: (v) => (v.includes('@') ? null : t('email.composer.badAddress')) },
  });
  const submit = form.onSubmit(({ imapPassword, ...v }) => save.mutate({ ...v, id: mailbox?.id, imapHost: v.imapHost || null, imapUser: v.imapUser || null, imapPort: Number(v.imapPort), ...(imapPassword && { imapPassword }) }, { onSuccess: onDone }));
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('email.mailboxes.name')} {...form.getInputProps('name')} />
          <TextInput label={t('email.mailboxes.address')} {...form.getInputProps('address')} />
          <TextInput label={t('email.mailboxes.imapHost')} {...form.getInputProps('imapHost')} />
          <NumberInput label={t('email.settings.port')} min={1} max={65535} {...form.getInputProps('imapPort')} />
          <TextInput label={t('email.settings.user')} autoComplete="off" {...form.getInputProps('imapUser')} />
          <PasswordInput label={t('email.settings.password')} autoComplete="new-password" placeholder={mailbox?.hasPassword ? t('email.settings.passwordKept') : ''} {...form.getInputProps('imapPassword')} />
          <TextInput label={t('email.mailboxes.folder')} {...form.getInputProps('imapMailbox')} />
        </SimpleGrid>
        <Switch label={t('email.settings.secure')} {...form.getInputProps('imapSecure', { type: 'checkbox' })} />
        <FormActions onCancel={onDone} loading={save.isPending} submitLabel={t('email.save')} />
      </Stack>
    </form>
  );
}

export function MailboxesEditor() {
  const { t } = useTranslation();
  const list = useMailboxes();
  const poll = usePollMailbox();
  const [editing, setEditing] = useState<Mailbox | null | undefined>(undefined);
  const readNow = (id: string) =>
    poll.mutate(id, {
      onSuccess: (r) => notifications.show({ color: 'green', message: t('email.mailboxes.fetched', { count: r.fetched }) }),
      onError: (err) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) }),
    });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>{t('email.mailboxes.title')}</Title>
        <Button variant="light" onClick={() => setEditing(null)}>{t('email.mailboxes.add')}</Button>
      </Group>
      {list.data?.data.length ? (
        <Table>
          <Table.Tbody>
            {list.data.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}<Text size="xs" c="dimmed">{m.address}</Text></Table.Td>
                <Table.Td>{m.lastError ? <Badge color="red" title={m.lastError}>{t('email.mailboxes.error')}</Badge> : m.lastPolledAt ? <Badge color="green">{t('email.mailboxes.ok')}</Badge> : null}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-sm" variant="subtle" onClick={() => readNow(m.id)} loading={poll.isPending && poll.variables === m.id}>{t('email.mailboxes.readNow')}</Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(m)}>{t('email.edit')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">{t('email.mailboxes.none')}</Text>
      )}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={t('email.mailboxes.title')} size="lg">
        {editing !== undefined && <MailboxForm mailbox={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}
