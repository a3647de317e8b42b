// Modal to add or change a chat-widget channel: name, team, colour, greetings in English and Chinese, the sites
// allowed to use it, the pre-chat e-mail and the bot; a new channel then shows its tag and its secret (once).
import { useState, type FormEvent } from 'react';
import { Button, ColorInput, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/shared-queries';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { useSaveWidgetChannel, type WidgetChannel, type WidgetChannelWithSecret } from '../api/widget-channels';
import { WidgetSnippet } from './widget-snippet';

const DEFAULTS = { allowedOrigins: [], color: '#1c7ed6', greetingEn: 'Hi! How can we help?', greetingZh: '您好！有什么可以帮您？', askEmail: true, botEnabled: true };

function ChannelForm({ channel, onDone }: { channel: WidgetChannel | null; onDone: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams().data ?? [];
  const save = useSaveWidgetChannel(channel?.id ?? null);
  const c = channel?.config ?? DEFAULTS;
  const [name, setName] = useState(channel?.name ?? '');
  const [teamId, setTeamId] = useState<string | null>(channel?.teamId ?? null);
  const [color, setColor] = useState(c.color);
  const [greetingEn, setGreetingEn] = useState(c.greetingEn);
  const [greetingZh, setGreetingZh] = useState(c.greetingZh);
  const [origins, setOrigins] = useState(c.allowedOrigins.join('\n'));
  const [askEmail, setAskEmail] = useState(c.askEmail);
  const [botEnabled, setBotEnabled] = useState(c.botEnabled);
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    const allowedOrigins = origins.split(/[\s,]+/).map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
    save.mutate({ name: name.trim(), teamId, config: { color, greetingEn: greetingEn.trim(), greetingZh: greetingZh.trim(), allowedOrigins, askEmail, botEnabled } }, { onSuccess: (r) => !('secret' in r) && onDone() });
  };
  const made = save.data && 'secret' in save.data ? (save.data as WidgetChannelWithSecret) : null;
  if (made) {
    return (
      <Stack>
        <WidgetSnippet channel={made} secret={made.secret} />
        <Group justify="flex-end"><Button onClick={onDone} data-testid="widget-channel-done">{t('widgetChannels.done')}</Button></Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="widget-channel-form">
      <Stack gap="sm">
        {save.error && <ErrorAlert error={save.error} />}
        <TextInput label={t('widgetChannels.name')} description={t('widgetChannels.nameHint')} required name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried && !name.trim() ? t('common.required') : null} />
        <Select label={t('widgetChannels.team')} description={t('widgetChannels.teamHint')} clearable placeholder={t('widgetChannels.noTeam')} value={teamId} onChange={setTeamId} data={teams.map((tm) => ({ value: tm.id, label: tm.name }))} />
        <ColorInput label={t('widgetChannels.color')} value={color} onChange={setColor} format="hex" name="color" />
        <TextInput label={t('widgetChannels.greetingEn')} value={greetingEn} onChange={(e) => setGreetingEn(e.currentTarget.value)} maxLength={300} />
        <TextInput label={t('widgetChannels.greetingZh')} value={greetingZh} onChange={(e) => setGreetingZh(e.currentTarget.value)} maxLength={300} />
        <Textarea label={t('widgetChannels.origins')} description={t('widgetChannels.originsHint')} placeholder="https://www.example.com" autosize minRows={2} name="origins" value={origins} onChange={(e) => setOrigins(e.currentTarget.value)} />
        <Switch label={t('widgetChannels.askEmail')} checked={askEmail} onChange={(e) => setAskEmail(e.currentTarget.checked)} />
        <Switch label={t('widgetChannels.botEnabled')} checked={botEnabled} onChange={(e) => setBotEnabled(e.currentTarget.checked)} />
        <FormActions onCancel={onDone} loading={save.isPending} submitLabel={channel ? t('widgetChannels.save') : undefined} submitTestId="widget-channel-submit" />
      </Stack>
    </form>
  );
}

export function WidgetChannelModal({ opened, channel, onClose }: { opened: boolean; channel: WidgetChannel | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={channel ? channel.name : t('widgetChannels.new')} size="lg">
      {opened && <ChannelForm key={channel?.id ?? 'new'} channel={channel} onDone={onClose} />}
    </Modal>
  );
}
