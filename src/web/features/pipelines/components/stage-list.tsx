// The ordered stages of a pipeline being edited: reorder by drag and drop (mouse, touch, keyboard) or the arrows.
import { Button, Stack } from '@mantine/core';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newKey, type StageDraft } from './stage-draft';
import { StageRow } from './stage-row';

export function StageList({ stages, onChange }: { stages: StageDraft[]; onChange: (stages: StageDraft[]) => void }) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const move = (from: number, to: number) => onChange(arrayMove(stages, from, to));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(stages.findIndex((s) => s.key === active.id), stages.findIndex((s) => s.key === over.id));
  };
  // New open stages go before the end stages, where they belong.
  const add = () => {
    const firstEnd = stages.findIndex((s) => s.kind !== 'open');
    const at = firstEnd === -1 ? stages.length : firstEnd;
    onChange([...stages.slice(0, at), { key: newKey(), name: '', probability: 50, kind: 'open' }, ...stages.slice(at)]);
  };
  return (
    <Stack gap="xs">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={stages.map((s) => s.key)} strategy={verticalListSortingStrategy}>
          {stages.map((s, i) => (
            <StageRow
              key={s.key}
              stage={s}
              index={i}
              count={stages.length}
              onChange={(patch) => onChange(stages.map((x) => (x.key === s.key ? { ...x, ...patch } : x)))}
              onMove={(to) => move(i, to)}
              onRemove={() => onChange(stages.filter((x) => x.key !== s.key))}
            />
          ))}
        </SortableContext>
      </DndContext>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} style={{ alignSelf: 'flex-start' }} data-testid="add-stage">
        {t('pipelines.addStage')}
      </Button>
    </Stack>
  );
}
