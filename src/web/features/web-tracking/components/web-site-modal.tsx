// Modal to register or change a website: name, allowed origins, consent first; a new site then shows its snippet
// and its signing secret (once).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { trackingSnippet, useSaveWebSite, type WebSite, type WebSiteWithSecret } from '../api/web-sites';
import { CopyableCode } from './copyable-code';

export function SecretAndSnippet({ site }: { site: WebSiteWithSecret }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('webSites.shownOnce')}>
        <CopyableCode testId="web-site-secret" label={t('webSites.secret')} value={site.secret} />
      </Alert>
      <CopyableCode testId="web-site-snippet" label={t('webSites.snippet')} value={trackingSnippet(site)} />
    </Stack>
  );
}

function SiteForm({ site, onDone }: { site: WebSite | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveWebSite(site?.id ?? null);
  const [name, setName] = useState(site?.name ?? '');
  const [origins, setOrigins] = useState(site?.allowedOrigins.join('\n') ?? '');
  const [requireConsent, setRequireConsent] = useState(site?.requireConsent ?? false);
  const [tried, setTried] = useState(false);
  const allowedOrigins = origins.split(/[\s,]+/).map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || !allowedOrigins.length) return;
    save.mutate({ name: name.trim(), allowedOrigins, requireConsent }, { onSuccess: (r) => !('secret' in r) && onDone() });
  };
  const made = save.data && 'secret' in save.data ? (save.data as WebSiteWithSecret) : null;
  if (made) {
    return (
      <Stack>
        <SecretAndSnippet site={made} />
        <Group justify="flex-end"><Button onClick={onDone} data-testid="web-site-done">{t('webSites.done')}</Button></Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="web-site-form">
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput label={t('webSites.name')} required name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried && !name.trim() ? t('common.required') : null} />
        <Textarea label={t('webSites.origins')} description={t('webSites.originsHint')} required name="origins" autosize minRows={2} value={origins} onChange={(e) => setOrigins(e.currentTarget.value)} error={tried && !allowedOrigins.length ? t('common.required') : null} />
        <Switch label={t('webSites.requireConsent')} description={t('webSites.requireConsentHint')} checked={requireConsent} onChange={(e) => setRequireConsent(e.currentTarget.checked)} />
        <FormActions onCancel={onDone} submitLabel={t('webSites.save')} loading={save.isPending} />
      </Stack>
    </form>
  );
}

export function WebSiteModal({ opened, site, onClose }: { opened: boolean; site: WebSite | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={site ? t('webSites.edit') : t('webSites.new')} size="lg">
      {opened && <SiteForm key={site?.id ?? 'new'} site={site} onDone={onClose} />}
    </Modal>
  );
}
