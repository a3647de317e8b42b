// On phones a wide table becomes a list of cards: a title line and the other columns as label/value pairs that wrap,
// so nothing is cut off or scrolls sideways inside a card. Pair it with the table shown from `sm` up.
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface RecordCard {
  key: string;
  title: ReactNode;
  /** Beside the title (a status badge, an action). */
  aside?: ReactNode;
  fields: { label: ReactNode; value: ReactNode }[];
  /** Under the fields (inputs, buttons), full width. */
  footer?: ReactNode;
  props?: Record<string, string>;
}

export function RecordCards({ cards, testId, hiddenFrom = 'sm' }: { cards: RecordCard[]; testId?: string; hiddenFrom?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Stack gap="xs" hiddenFrom={hiddenFrom} data-testid={testId}>
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="sm" data-testid="record-card" {...c.props}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mb={c.fields.length ? 6 : 0}>
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{c.title}</div>
            {c.aside && <div style={{ flexShrink: 0 }}>{c.aside}</div>}
          </Group>
          {c.fields.length > 0 && (
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
              {c.fields.map((f, i) => (
                <div key={i} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Text size="xs" c="dimmed">{f.label}</Text>
                  <Text size="sm" component="div">{f.value}</Text>
                </div>
              ))}
            </SimpleGrid>
          )}
          {c.footer && <div style={{ marginTop: 8 }}>{c.footer}</div>}
        </Paper>
      ))}
    </Stack>
  );
}
