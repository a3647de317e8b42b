// The kanban board: drag a card to another stage; end stages ask for a reason first; failures roll back with a message.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Box, Group } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useMoveDeal, type MoveInput } from '../api/deal-mutations';
import type { Board, BoardColumn as Column, DealCard, DealFilters, Stage } from '../api/deal-types';
import { fetchColumnPage } from '../api/get-board';
import { BoardColumn } from './board-column';
import { CloseReasonModal } from './close-reason-modal';
import { DealCardView } from './deal-card';

interface Props {
  board: Board;
  pipelineId: string;
  filters: DealFilters;
  queryKey: readonly unknown[];
  onOpen: (id: string) => void;
}

export function DealsBoard({ board, pipelineId, filters, queryKey, onOpen }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // A column's next page goes into the board's cached data, so moves and their rollback see those deals too.
  const loadMore = async (c: Column) => {
    if (!c.nextCursor) return;
    try {
      const page = (await fetchColumnPage(pipelineId, filters, c.stage.id, c.nextCursor)).columns[0];
      if (!page) return;
      qc.setQueryData<Board>(queryKey, (old) => old && {
        ...old,
        columns: old.columns.map((col) => (col.stage.id === c.stage.id ? { ...col, deals: [...col.deals, ...page.deals.filter((d) => !col.deals.some((x) => x.id === d.id))], nextCursor: page.nextCursor } : col)),
      });
    } catch (err) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
    }
  };
  const move = useMoveDeal(queryKey);
  const [active, setActive] = useState<DealCard | null>(null);
  const [pending, setPending] = useState<(MoveInput & { name: string }) | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  const run = (m: MoveInput, name: string) =>
    move.mutate(m, {
      onSuccess: () => {
        if (m.to.kind !== 'open') notifications.show({ color: m.to.kind === 'won' ? 'green' : 'gray', message: t('deals.moved', { name, stage: m.to.name }) });
      },
      onError: (err) =>
        notifications.show({ color: 'red', title: t('deals.moveFailed', { name }), message: errorMessage(err, t), autoClose: 8000 }),
    });

  const onDragStart = (e: DragStartEvent) => setActive((e.active.data.current?.deal as DealCard) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const deal = e.active.data.current?.deal as DealCard | undefined;
    const fromStageId = e.active.data.current?.stageId as string | undefined;
    const to = e.over?.data.current?.stage as Stage | undefined;
    if (!deal || !fromStageId || !to || to.id === fromStageId) return;
    const m: MoveInput = { dealId: deal.id, fromStageId, to, position: 0 };
    if (to.kind === 'open') run(m, deal.name);
    else setPending({ ...m, name: deal.name });
  };

  return (
    <>
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActive(null)}>
        <Box style={{ overflowX: 'auto' }} pb="sm" data-testid="deals-board">
          <Group align="stretch" wrap="nowrap" gap="sm">
            {board.columns.map((c) => (
              <BoardColumn key={c.stage.id} column={c} onOpen={onOpen} onLoadMore={() => loadMore(c)} />
            ))}
          </Group>
        </Box>
        <DragOverlay>{active ? <DealCardView deal={active} stageId="" overlay /> : null}</DragOverlay>
      </DndContext>
      <CloseReasonModal
        kind={pending ? pending.to.kind : null}
        dealName={pending?.name ?? ''}
        onCancel={() => setPending(null)}
        onConfirm={(reason, createOrder) => {
          if (pending) run({ ...pending, reason, createOrder }, pending.name);
          setPending(null);
        }}
      />
    </>
  );
}
