// How a receiver checks a webhook: the headers sent and the HMAC to recompute (as in the README).
import { Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SignatureHelp() {
  const { t } = useTranslation();
  return (
    <div data-testid="signature-help">
      <Text size="sm" fw={500} mb={4}>{t('integrations.hooks.verifyTitle')}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('integrations.hooks.verifyHeaders')} <Code>Rapport-Event</Code>, <Code>Rapport-Delivery</Code>, <Code>Rapport-Signature</Code></List.Item>
        <List.Item>
          <Code style={{ wordBreak: 'break-all' }}>Rapport-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</Code>
        </List.Item>
        <List.Item>{t('integrations.hooks.verifyHmac')} <Code>HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")</Code></List.Item>
        <List.Item>{t('integrations.hooks.verifyReplay')}</List.Item>
      </List>
    </div>
  );
}
