// One icon and colour per interaction type, used on the timeline and in task lists.
import { ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconMail, IconNote, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import type { Interaction } from '../../../types/api';

const COLORS: Record<Interaction['type'], string> = { note: 'yellow', call: 'teal', meeting: 'grape', email: 'blue', task: 'indigo' };

export function InteractionIcon({ interaction, size = 24 }: { interaction: Pick<Interaction, 'type' | 'direction'>; size?: number }) {
  const s = Math.round(size * 0.6);
  const icon = {
    note: <IconNote size={s} />,
    call: interaction.direction === 'inbound' ? <IconPhoneIncoming size={s} /> : <IconPhoneOutgoing size={s} />,
    meeting: <IconCalendarEvent size={s} />,
    email: <IconMail size={s} />,
    task: <IconChecklist size={s} />,
  }[interaction.type];
  return (
    <ThemeIcon size={size} radius="xl" color={COLORS[interaction.type] ?? 'gray'} variant="light" data-type={interaction.type}>
      {icon}
    </ThemeIcon>
  );
}
