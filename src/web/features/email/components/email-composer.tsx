// The e-mail composer: to / cc / subject / body, a template filled from the record, attachments; sends through the
// organisation's mail server and the mail lands on the record's timeline.
import { useState } from 'react';
import { ActionIcon, Button, FileButton, Group, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { currentLocale } from '../../../lib/i18n';
import { renderTemplate, uploadAttachment, useEmailTemplates, useSendEmail, type Attachment, type EmailRecord } from '../api/email';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  record: EmailRecord;
  defaultTo?: string[];
  defaultSubject?: string;
  onSent: () => void;
  onCancel: () => void;
}

export function EmailComposer({ record, defaultTo = [], defaultSubject = '', onSent, onCancel }: Props) {
  const { t } = useTranslation();
  const templates = useEmailTemplates();
  const send = useSendEmail();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm({
    initialValues: { to: defaultTo, cc: [] as string[], subject: defaultSubject, body: '' },
    validate: {
      to: (v) => (!v.length ? t('common.required') : v.some((a) => !EMAIL.test(a)) ? t('email.composer.badAddress') : null),
      cc: (v) => (v.some((a) => !EMAIL.test(a)) ? t('email.composer.badAddress') : null),
      subject: (v) => (v.trim() ? null : t('common.required')),
      body: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const mine = (templates.data?.data ?? []).slice().sort((a, b) => Number(b.language === currentLocale()) - Number(a.language === currentLocale()));

  const applyTemplate = async (id: string | null) => {
    if (!id) return;
    const filled = await renderTemplate(id, record);
    form.setValues({ subject: filled.subject, body: filled.body });
  };
  const attach = async (picked: File[]) => {
    setUploadError(null);
    setUploading(true);
    try {
      for (const f of picked) {
        const a = await uploadAttachment(f);
        setFiles((cur) => [...cur, a]);
      }
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  };
  const submit = form.onSubmit((v) =>
    send.mutate({ ...record, to: v.to, cc: v.cc.length ? v.cc : undefined, subject: v.subject.trim(), body: v.body, attachmentIds: files.map((f) => f.id) }, { onSuccess: onSent }),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="email-composer">
      <Stack gap="sm">
        {send.error && <ErrorAlert error={send.error} />}
        <TagsInput label={t('email.composer.to')} data-testid="email-to" splitChars={[',', ' ', ';']} {...form.getInputProps('to')} />
        <TagsInput label={t('email.composer.cc')} splitChars={[',', ' ', ';']} {...form.getInputProps('cc')} />
        {mine.length > 0 && (
          <Select label={t('email.composer.template')} placeholder={t('email.composer.pickTemplate')} data={mine.map((m) => ({ value: m.id, label: `${m.name} (${m.language})` }))} onChange={(v) => void applyTemplate(v)} clearable data-testid="email-template" />
        )}
        <TextInput label={t('email.composer.subject')} data-testid="email-subject" {...form.getInputProps('subject')} />
        <Textarea label={t('email.composer.body')} autosize minRows={6} data-testid="email-body" {...form.getInputProps('body')} />
        {uploadError ? <ErrorAlert error={uploadError} /> : null}
        {files.map((f) => (
          <Group key={f.id} gap="xs">
            <IconPaperclip size={14} />
            <Text size="sm">{f.name} · {Math.max(1, Math.round(f.size / 1024))} KB</Text>
            <ActionIcon size="sm" variant="subtle" aria-label={t('email.composer.removeAttachment')} onClick={() => setFiles((cur) => cur.filter((x) => x.id !== f.id))}><IconX size={14} /></ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <FileButton onChange={(f) => void attach(f)} multiple>
            {(props) => <Button {...props} variant="subtle" leftSection={<IconPaperclip size={16} />} loading={uploading}>{t('email.composer.attach')}</Button>}
          </FileButton>
        </Group>
        <FormActions onCancel={onCancel} loading={send.isPending} submitLabel={t('email.composer.send')} submitTestId="email-send" />
      </Stack>
    </form>
  );
}
