// Settings → Knowledge bot (admins): the confidence below which the bot hands over to a person, and an optional
// OpenAI-compatible endpoint for written answers grounded in the articles; with "Try the bot" to check the result.
import { useState } from 'react';
import { Button, Group, NumberInput, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useBotSettings, useSaveBotSettings } from '../api/knowledge';
import type { BotSettings } from '../api/knowledge-types';
import { TryBot } from './try-bot';

function BotSettingsForm({ settings }: { settings: BotSettings }) {
  const { t } = useTranslation();
  const save = useSaveBotSettings();
  const [threshold, setThreshold] = useState<number>(Math.round(settings.threshold * 100));
  const [llmEnabled, setLlmEnabled] = useState(settings.llmEnabled);
  const [llmUrl, setLlmUrl] = useState(settings.llmUrl);
  const [llmModel, setLlmModel] = useState(settings.llmModel);
  const [apiKey, setApiKey] = useState('');
  const submit = () =>
    save.mutate(
      { threshold: threshold / 100, llmEnabled, llmUrl, llmModel, ...(apiKey && { llmApiKey: apiKey }) },
      { onSuccess: () => [setApiKey(''), notifications.show({ color: 'green', message: t('knowledge.botSettings.saved') })] },
    );
  return (
    <form onSubmit={(e) => [e.preventDefault(), submit()]}>
      <Stack gap="sm" maw={560}>
        <NumberInput label={t('knowledge.botSettings.threshold')} description={t('knowledge.botSettings.thresholdHint')} value={threshold} onChange={(v) => setThreshold(Number(v) || 0)} min={0} max={100} suffix=" %" data-testid="bot-threshold" />
        <Switch label={t('knowledge.botSettings.llmEnabled')} description={t('knowledge.botSettings.llmHint')} checked={llmEnabled} onChange={(e) => setLlmEnabled(e.currentTarget.checked)} />
        <TextInput label={t('knowledge.botSettings.llmUrl')} description={t('knowledge.botSettings.llmUrlHint')} placeholder="https://llm.example.com" value={llmUrl} onChange={(e) => setLlmUrl(e.currentTarget.value)} disabled={!llmEnabled} maxLength={500} />
        <TextInput label={t('knowledge.botSettings.llmModel')} value={llmModel} onChange={(e) => setLlmModel(e.currentTarget.value)} disabled={!llmEnabled} maxLength={200} />
        <PasswordInput
          label={t('knowledge.botSettings.apiKey')}
          description={settings.hasApiKey ? t('knowledge.botSettings.apiKeyKept') : t('knowledge.botSettings.apiKeyNone')}
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          disabled={!llmEnabled}
          autoComplete="new-password"
          maxLength={500}
        />
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          {settings.hasApiKey && <Button variant="subtle" color="red" onClick={() => save.mutate({ llmApiKey: null })}>{t('knowledge.botSettings.removeKey')}</Button>}
          <Button type="submit" loading={save.isPending} data-testid="save-bot-settings">{t('knowledge.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BotSettingsSection() {
  const { t } = useTranslation();
  const settings = useBotSettings();
  return (
    <Stack gap="md">
      <div>
        <Title order={4}>{t('knowledge.botSettings.title')}</Title>
        <Text size="sm" c="dimmed">{t('knowledge.botSettings.hint')}</Text>
      </div>
      {settings.error && <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />}
      {settings.data && <BotSettingsForm settings={settings.data} />}
      <TryBot />
    </Stack>
  );
}
