// Settings → Email: composer templates in English or Chinese with {{contact.displayName}}-style variables.
import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { useDeleteTemplate, useEmailTemplates, useSaveTemplate, type EmailTemplate } from '../api/email';

function TemplateForm({ template, variables, onDone }: { template: EmailTemplate | null; variables: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const form = useForm({
    initialValues: { name: template?.name ?? '', language: template?.language ?? 'en', subject: template?.subject ?? '', body: template?.body ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('common.required')), subject: (v) => (v.trim() ? null : t('common.required')), body: (v) => (v.trim() ? null : t('common.required')) },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate({ ...v, id: template?.id }, { onSuccess: onDone }))}>
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput label={t('email.templates.name')} {...form.getInputProps('name')} />
        <SegmentedControl data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }]} {...form.getInputProps('language')} />
        <TextInput label={t('email.composer.subject')} {...form.getInputProps('subject')} />
        <Textarea label={t('email.composer.body')} autosize minRows={6} {...form.getInputProps('body')} />
        <Text size="xs" c="dimmed">{t('email.templates.variables')}: {variables.map((v) => `{{${v}}}`).join(' ')}</Text>
        <FormActions onCancel={onDone} loading={save.isPending} submitLabel={t('email.save')} />
      </Stack>
    </form>
  );
}

export function EmailTemplatesEditor() {
  const { t } = useTranslation();
  const list = useEmailTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<EmailTemplate | null | undefined>(undefined);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>{t('email.templates.title')}</Title>
        <Button variant="light" onClick={() => setEditing(null)}>{t('email.templates.add')}</Button>
      </Group>
      {list.data?.data.length ? (
        <Table>
          <Table.Tbody>
            {list.data.data.map((tpl) => (
              <Table.Tr key={tpl.id}>
                <Table.Td>{tpl.name}</Table.Td>
                <Table.Td>{tpl.language}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <ActionIcon variant="subtle" aria-label={t('email.edit')} onClick={() => setEditing(tpl)}><IconPencil size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => remove.mutate(tpl.id)}><IconTrash size={16} /></ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">{t('email.templates.none')}</Text>
      )}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={t('email.templates.title')} size="lg">
        {editing !== undefined && <TemplateForm template={editing} variables={list.data?.variables ?? []} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}
