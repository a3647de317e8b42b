// Page title with actions on the right, wrapping under the title on narrow screens.
import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

export function PageHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={2} style={{ wordBreak: 'break-word' }}>
        {title}
      </Title>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
