// One stage of the board: header with count, amount and weighted amount per currency, and a drop zone of cards.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { BoardColumn as Column } from '../api/deal-types';
import { DraggableDealCard } from './deal-card';
import { displayName } from '../../../lib/default-names';

export function BoardColumn({ column, onOpen, onLoadMore }: { column: Column; onOpen: (id: string) => void; onLoadMore: () => Promise<void> }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, data: { stage: column.stage } });
  const kindColor = column.stage.kind === 'won' ? 'green' : column.stage.kind === 'lost' ? 'red' : 'blue';
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      data-testid="board-column"
      data-stage-id={column.stage.id}
      data-stage-name={column.stage.name}
      style={{
        width: 272,
        minWidth: 272,
        display: 'flex',
        flexDirection: 'column',
        background: isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)',
        outline: isOver ? '2px dashed var(--mantine-color-blue-filled)' : undefined,
      }}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text fw={700} size="sm" lineClamp={1}>{displayName(column.stage.name, t)}</Text>
          <Group gap={4} wrap="nowrap">
            <Badge size="sm" variant="light" color={kindColor}>{column.stage.probability}%</Badge>
            <Badge size="sm" variant="filled" color="gray" data-testid="column-count">{column.count}</Badge>
          </Group>
        </Group>
        {column.totals.length === 0 ? (
          <Text size="xs" c="dimmed">{t('deals.noDealsInStage')}</Text>
        ) : (
          column.totals.map((x) => (
            <Text key={x.currency} size="xs" c="dimmed">
              {formatMoney(x.amount, x.currency)} · {t('deals.weighted')} {formatMoney(x.weightedAmount, x.currency)}
            </Text>
          ))
        )}
      </Stack>
      <Stack gap={6} style={{ flex: 1, minHeight: 80 }}>
        {column.deals.map((d) => (
          <DraggableDealCard key={d.id} deal={d} stageId={column.stage.id} onOpen={onOpen} />
        ))}
        {column.nextCursor && column.count > column.deals.length && (
          <Button size="compact-xs" variant="subtle" loading={loading} data-testid="column-load-more" onClick={() => { setLoading(true); void onLoadMore().finally(() => setLoading(false)); }}>
            {t('deals.moreInColumn', { count: column.count - column.deals.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
