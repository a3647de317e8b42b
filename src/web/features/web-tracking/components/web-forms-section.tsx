// Settings → Forms (admins): each form as a card with its embed codes (script and iframe), on/off, edit, delete and
// its submissions; a note when double opt-in cannot send its e-mails because mail is not set up.
import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconForms } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { errorMessage } from '../../../lib/error-message';
import { iframeEmbed, scriptEmbed, useDeleteWebForm, useSaveWebForm, useWebForms, type WebForm } from '../api/web-forms';
import { useWebSites } from '../api/web-sites';
import { CopyableCode } from './copyable-code';
import { FormSubmissions } from './form-submissions';
import { WebFormModal } from './web-form-modal';

function FormCard({ f, siteKey, onEdit, onSubmissions }: { f: WebForm; siteKey?: string; onEdit: () => void; onSubmissions: () => void }) {
  const { t } = useTranslation();
  const toggle = useSaveWebForm(f.id);
  const remove = useDeleteWebForm();
  const fail = (err: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
  return (
    <Card withBorder padding="sm" data-testid="web-form" style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap={6} style={{ minWidth: 0 }} wrap="nowrap">
          <Text fw={600} truncate>{f.name}</Text>
          {f.doubleOptIn && <Badge size="sm" variant="light">{t('webForms.doubleOptInShort')}</Badge>}
        </Group>
        <Switch aria-label={t('webForms.enabled')} checked={f.enabled} onChange={(e) => toggle.mutate({ enabled: e.currentTarget.checked }, { onError: fail })} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">{t('webForms.summary', { fields: f.fields.map((x) => x.label).join(', '), count: f.submissions })}</Text>
      <Tabs defaultValue="script" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="script">{t('webForms.embedScript')}</Tabs.Tab>
          <Tabs.Tab value="iframe">{t('webForms.embedIframe')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="script" pt="xs"><CopyableCode testId="web-form-embed" value={scriptEmbed(f.id, siteKey)} /></Tabs.Panel>
        <Tabs.Panel value="iframe" pt="xs"><CopyableCode testId="web-form-iframe" value={iframeEmbed(f.id)} /></Tabs.Panel>
      </Tabs>
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button size="xs" variant="light" onClick={onSubmissions} data-testid="web-form-submissions-open">{t('webForms.submissions', { count: f.submissions })}</Button>
        <Button size="xs" variant="default" onClick={onEdit} data-testid="web-form-edit">{t('webForms.edit')}</Button>
        <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => window.confirm(t('webForms.confirmDelete', { name: f.name })) && remove.mutate(f.id, { onError: fail })}>{t('webForms.delete')}</Button>
      </Group>
    </Card>
  );
}

export function WebFormsSection() {
  const { t } = useTranslation();
  const forms = useWebForms();
  const sites = useWebSites().data ?? [];
  const [editing, setEditing] = useState<WebForm | 'new' | null>(null);
  const [viewing, setViewing] = useState<WebForm | null>(null);
  const mailConfigured = forms.data?.mailConfigured ?? true;
  return (
    <Stack gap="sm" data-testid="web-forms">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Title order={4}>{t('webForms.title')}</Title>
          <Text c="dimmed" size="sm">{t('webForms.hint')}</Text>
        </div>
        <Button leftSection={<IconForms size={16} />} onClick={() => setEditing('new')} data-testid="new-web-form">{t('webForms.new')}</Button>
      </Group>
      {!mailConfigured && forms.data?.data.some((f) => f.doubleOptIn) && <Alert color="yellow" variant="light">{t('webForms.noMail')}</Alert>}
      {forms.isPending ? (
        <ListSkeleton rows={2} />
      ) : forms.error ? (
        <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} />
      ) : forms.data.data.length === 0 ? (
        <EmptyState title={t('webForms.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {forms.data.data.map((f) => <FormCard key={f.id} f={f} siteKey={sites.find((s) => s.id === f.siteId)?.siteKey} onEdit={() => setEditing(f)} onSubmissions={() => setViewing(f)} />)}
        </SimpleGrid>
      )}
      <WebFormModal opened={editing !== null} form={editing === 'new' ? null : editing} mailConfigured={mailConfigured} onClose={() => setEditing(null)} />
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing ? t('webForms.submissionsOf', { name: viewing.name }) : ''} size="lg">
        {viewing && <FormSubmissions form={viewing} />}
      </Modal>
    </Stack>
  );
}
