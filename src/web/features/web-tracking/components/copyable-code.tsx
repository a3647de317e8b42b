// A block of code to copy (a snippet, an embed, a secret) with its label and a Copy button.
import { Button, Code, CopyButton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CopyableCode({ label, value, testId }: { label?: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      {label && <Text size="sm" fw={500}>{label}</Text>}
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={testId}>{value}</Code>
      <CopyButton value={value}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? t('webSites.copied') : t('webSites.copy')}</Button>}</CopyButton>
    </div>
  );
}
