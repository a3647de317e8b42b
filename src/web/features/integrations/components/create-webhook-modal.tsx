// Modal to subscribe a URL to events; afterwards it shows the signing secret once and how to verify signatures.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useCreateWebhook, useWebhookEventTypes } from '../api/webhooks';
import { OneTimeSecret } from './one-time-secret';
import { SignatureHelp } from './signature-help';

export function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const types = useWebhookEventTypes();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [includeBulk, setIncludeBulk] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = () => {
    setUrl('');
    setEvents([]);
    setIncludeBulk(false);
    setErrors({});
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(url.trim())) local.url = t('integrations.hooks.urlRule');
    if (events.length === 0) local.events = t('integrations.hooks.eventsRequired');
    setErrors(local);
    if (Object.keys(local).length) return;
    create.mutate({ url: url.trim(), events, includeBulk }, { onError: (err) => setErrors(formErrorsFrom(err, ['events'])) });
  };
  // "*" takes every event, so it stands alone.
  const pick = (v: string[]) => setEvents(v.includes('*') && !events.includes('*') ? ['*'] : v.filter((x) => x !== '*' || v.length === 1));
  const data = [{ value: '*', label: t('integrations.hooks.allEvents') }, ...(types.data ?? []).map((e) => ({ value: e, label: e }))];

  return (
    <Modal opened={opened} onClose={close} title={t('integrations.hooks.new')} size="lg">
      {create.data ? (
        <Stack>
          <OneTimeSecret title={t('integrations.hooks.secretTitle')} value={create.data.secret} hint={t('integrations.hooks.secretHint')} />
          <SignatureHelp />
          <Group justify="flex-end">
            <Button onClick={close} data-testid="secret-done">{t('integrations.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="webhook-form">
          <Stack>
            {create.error && Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
            <TextInput label={t('integrations.hooks.url')} placeholder="https://example.com/rapport-hook" required data-autofocus name="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} />
            <MultiSelect
              label={t('integrations.hooks.events')}
              description={t('integrations.hooks.eventsHint')}
              required
              searchable
              data={data}
              value={events}
              onChange={pick}
              error={errors.events}
              nothingFoundMessage={t('search.noResults')}
              data-testid="webhook-events"
              comboboxProps={{ withinPortal: true }}
            />
            <Checkbox
              label={t('integrations.hooks.includeBulk')}
              description={t('integrations.hooks.includeBulkHint')}
              checked={includeBulk}
              disabled={events.includes('*')}
              onChange={(e) => setIncludeBulk(e.currentTarget.checked)}
              data-testid="webhook-include-bulk"
            />
            <FormActions onCancel={close} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
