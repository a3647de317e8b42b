// Settings → Email (administrators): the outgoing server, composer templates and the mailboxes read over IMAP.
import { Divider, Stack } from '@mantine/core';
import { EmailTemplatesEditor } from './email-templates-editor';
import { MailboxesEditor } from './mailboxes-editor';
import { SmtpSettingsForm } from './smtp-settings-form';

export function EmailSettingsSection() {
  return (
    <Stack gap="lg" data-testid="email-settings">
      <SmtpSettingsForm />
      <Divider />
      <EmailTemplatesEditor />
      <Divider />
      <MailboxesEditor />
    </Stack>
  );
}
