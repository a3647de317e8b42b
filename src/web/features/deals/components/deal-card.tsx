// One deal on the board: draggable (mouse, touch, keyboard); a click opens the deal drawer.
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../lib/format';
import { closeDateOf } from '../api/close-date';
import type { DealCard as Card } from '../api/deal-types';

interface Props {
  deal: Card;
  stageId: string;
  onOpen?: (id: string) => void;
  overlay?: boolean;
}

export function DealCardView({ deal, onOpen, overlay, dragging }: Props & { dragging?: boolean }) {
  const { t } = useTranslation();
  const closeDate = closeDateOf(deal);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      shadow={overlay ? 'md' : undefined}
      style={{ opacity: dragging ? 0.4 : 1, cursor: overlay ? 'grabbing' : 'grab', background: 'var(--mantine-color-body)' }}
      onClick={() => onOpen?.(deal.id)}
    >
      <Text fw={600} size="sm" lineClamp={2}>{deal.name}</Text>
      {deal.companyName && <Text size="xs" c="dimmed" lineClamp={1}>{deal.companyName}</Text>}
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="sm" fw={500}>{formatMoney(deal.amount, deal.currency)}</Text>
        {deal.forecastCategory !== 'pipeline' && (
          <Badge size="xs" variant="light" color={deal.forecastCategory === 'commit' ? 'green' : deal.forecastCategory === 'omitted' ? 'gray' : 'blue'}>
            {t(`deals.category.${deal.forecastCategory}`)}
          </Badge>
        )}
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" lineClamp={1}>{deal.ownerName ?? t('deals.noOwner')}</Text>
        {closeDate && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={t(deal.status === 'open' ? 'deals.closeDate' : 'deals.closedOn')}>
            {formatDate(closeDate)}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

export function DraggableDealCard(props: Props) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: props.deal.id,
    data: { stageId: props.stageId, deal: props.deal },
  });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), touchAction: 'manipulation' }}
      data-testid="deal-card"
      data-deal-id={props.deal.id}
      {...listeners}
      {...attributes}
    >
      <DealCardView {...props} dragging={isDragging} />
    </div>
  );
}
