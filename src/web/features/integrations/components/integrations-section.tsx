// Settings → Integrations (admin): API keys above, webhooks below.
import { Divider, Stack } from '@mantine/core';
import { ApiKeysSection } from './api-keys-section';
import { WebhooksSection } from './webhooks-section';

export function IntegrationsSection() {
  return (
    <Stack gap="lg">
      <ApiKeysSection />
      <Divider />
      <WebhooksSection />
    </Stack>
  );
}
