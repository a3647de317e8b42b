// One stage in the pipeline form: drag handle, name, win probability, kind (open / won / lost), up, down, remove.
import { ActionIcon, Group, NumberInput, Paper, Select, TextInput } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StageDraft } from './stage-draft';

interface Props {
  stage: StageDraft;
  index: number;
  count: number;
  onChange: (patch: Partial<StageDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function StageRow({ stage, index, count, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.key });
  const setKind = (kind: StageDraft['kind']) => onChange({ kind, ...(kind === 'won' ? { probability: 100 } : kind === 'lost' ? { probability: 0 } : {}) });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, zIndex: isDragging ? 2 : undefined, position: 'relative' }}
      data-testid="stage-row"
      data-stage-name={stage.name}
    >
      <Group gap="xs" wrap="wrap" align="center">
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" style={{ cursor: 'grab', touchAction: 'none' }} aria-label={t('pipelines.dragStage')} {...attributes} {...listeners}>
          <IconGripVertical size={16} />
        </ActionIcon>
        <TextInput
          aria-label={t('pipelines.stageName')}
          placeholder={t('pipelines.stageName')}
          value={stage.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          style={{ flex: '1 1 160px' }}
          data-testid="stage-name"
        />
        <NumberInput
          aria-label={t('pipelines.probability')}
          value={stage.probability}
          onChange={(probability) => onChange({ probability })}
          min={0}
          max={100}
          allowDecimal={false}
          suffix="%"
          w={84}
          data-testid="stage-probability"
        />
        <Select
          aria-label={t('pipelines.kind')}
          data={(['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`pipelines.kinds.${k}`) }))}
          value={stage.kind}
          onChange={(v) => v && setKind(v as StageDraft['kind'])}
          allowDeselect={false}
          w={110}
          data-testid="stage-kind"
        />
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('pipelines.moveUp')}>
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('pipelines.moveDown')}>
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('pipelines.removeStage')} data-testid="remove-stage">
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}
