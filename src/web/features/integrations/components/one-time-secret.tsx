// A secret shown once after creation (API key token, webhook signing secret) with a copy button.
import { ActionIcon, Alert, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function OneTimeSecret({ title, value, hint }: { title: string; value: string; hint: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={title}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="one-time-secret">
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('integrations.copied') : t('integrations.copy')} withArrow>
              <ActionIcon variant="light" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('integrations.copy')}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <div style={{ marginTop: 8, fontSize: 'var(--mantine-font-size-sm)' }}>{hint}</div>
    </Alert>
  );
}
