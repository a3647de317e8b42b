// What a site needs to embed a chat widget: the one-line tag to copy, and for logged-in users the identity tag with
// how its backend signs the user id; the channel secret too, right after it was made or replaced (shown once).
import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { identityCode, identitySnippet, widgetSnippet, type WidgetChannel } from '../api/widget-channels';

function Copyable({ label, value, testId }: { label?: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      {label && <Text size="sm" fw={500}>{label}</Text>}
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={testId}>{value}</Code>
      <CopyButton value={value}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? t('widgetChannels.copied') : t('widgetChannels.copy')}</Button>}</CopyButton>
    </div>
  );
}

export function WidgetSnippet({ channel, secret }: { channel: WidgetChannel; secret?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {secret && (
        <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('widgetChannels.shownOnce')}>
          <Copyable testId="widget-secret" label={t('widgetChannels.secret')} value={secret} />
        </Alert>
      )}
      <Copyable testId="widget-snippet" label={t('widgetChannels.snippet')} value={widgetSnippet(channel.id)} />
      <Text size="xs" c="dimmed">{t('widgetChannels.snippetHint')}</Text>
      <Text size="sm" fw={500} mt="xs">{t('widgetChannels.identityTitle')}</Text>
      <Text size="xs" c="dimmed">{t('widgetChannels.identityHint')}</Text>
      <Copyable testId="widget-identity-snippet" value={identitySnippet(channel.id)} />
      <Copyable testId="widget-identity-code" value={identityCode} />
      <Text size="xs" c="dimmed">{t('widgetChannels.identitySecret')}</Text>
    </Stack>
  );
}
