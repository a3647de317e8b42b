// What a connector needs after a channel is made or its secret replaced: the inbound URL and the secret, shown once.
import { Alert, Code, CopyButton, Button, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImChannelWithSecret } from '../api/im-channels';

function Copyable({ label, value, id }: { label: string; value: string; id: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500}>{label}</Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={id}>{value}</Code>
      <CopyButton value={value}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? t('imChannels.copied') : t('imChannels.copy')}</Button>}</CopyButton>
    </div>
  );
}

export function ChannelSecret({ channel }: { channel: ImChannelWithSecret }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${channel.inboundPath}`;
  return (
    <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('imChannels.shownOnce')}>
      <Stack gap="xs">
        <Copyable id="channel-inbound-url" label={t('imChannels.inboundUrl')} value={url} />
        <Copyable id="channel-secret" label={t('imChannels.secret')} value={channel.secret} />
        <Text size="sm">{channel.kind === 'telegram' ? t('imChannels.telegramHint') : t('imChannels.genericHint')}</Text>
      </Stack>
    </Alert>
  );
}
