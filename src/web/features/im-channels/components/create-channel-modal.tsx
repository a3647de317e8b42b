// Modal to add an IM channel: a generic connector (webhook URL for replies) or a Telegram bot (token, API address).
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { useCreateImChannel } from '../api/im-channels';
import { ChannelSecret } from './channel-secret';

export function CreateChannelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateImChannel();
  const [kind, setKind] = useState<'generic' | 'telegram'>('telegram');
  const [name, setName] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [botToken, setBotToken] = useState('');
  const [apiBaseUrl, setApiBaseUrl] = useState('');
  const [tried, setTried] = useState(false);
  const close = () => {
    setName('');
    setWebhookUrl('');
    setBotToken('');
    setApiBaseUrl('');
    setTried(false);
    create.reset();
    onClose();
  };
  const missingName = tried && !name.trim();
  const missingToken = tried && kind === 'telegram' && !botToken.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || (kind === 'telegram' && !botToken.trim())) return;
    create.mutate(
      kind === 'telegram'
        ? { kind, name: name.trim(), config: { botToken: botToken.trim(), ...(apiBaseUrl.trim() && { apiBaseUrl: apiBaseUrl.trim() }) } }
        : { kind, name: name.trim(), config: { webhookUrl: webhookUrl.trim() || null } },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={t('imChannels.new')}>
      {create.data ? (
        <Stack>
          <ChannelSecret channel={create.data} />
          <Group justify="flex-end"><Button onClick={close} data-testid="channel-done">{t('imChannels.done')}</Button></Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="channel-form">
          <Stack>
            {create.error && <ErrorAlert error={create.error} />}
            <SegmentedControl value={kind} onChange={(v) => setKind(v as 'generic' | 'telegram')} data={[{ value: 'telegram', label: 'Telegram' }, { value: 'generic', label: t('imChannels.generic') }]} />
            <TextInput label={t('imChannels.name')} required name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={missingName ? t('common.required') : null} />
            {kind === 'telegram' ? (
              <>
                <TextInput label={t('imChannels.botToken')} description={t('imChannels.botTokenHint')} required name="botToken" value={botToken} onChange={(e) => setBotToken(e.currentTarget.value)} error={missingToken ? t('common.required') : null} />
                <TextInput label={t('imChannels.apiBaseUrl')} placeholder="https://api.telegram.org" name="apiBaseUrl" value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.currentTarget.value)} />
              </>
            ) : (
              <TextInput label={t('imChannels.webhookUrl')} description={t('imChannels.webhookUrlHint')} placeholder="https://connector.example.com/rapport" name="webhookUrl" value={webhookUrl} onChange={(e) => setWebhookUrl(e.currentTarget.value)} />
            )}
            <FormActions onCancel={close} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
