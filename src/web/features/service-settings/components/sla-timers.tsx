// A ticket's SLA timers, counting down live: each target's time left in business time (ticking while the calendar is
// in working hours), its due time, and whether it is met, paused or breached. The ticket page shows it.
import { useEffect, useState } from 'react';
import { Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useTicketSla, type SlaTarget } from '../api/sla';

const COLORS: Record<SlaTarget['state'], string> = { running: 'blue', paused: 'gray', met: 'green', met_late: 'orange', breached: 'red' };

/** Seconds as h:mm:ss (or m:ss under an hour). */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function SlaTimers({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const sla = useTicketSla(ticketId);
  const now = useNow(1000);
  if (!sla.data || !sla.data.policy || sla.data.targets.length === 0) return null;
  const data = sla.data;
  // Time left when the server answered, less the time since then while the calendar counts.
  const fetchedAt = sla.dataUpdatedAt || Date.parse(data.now);
  const elapsed = data.working && !data.paused ? (now - fetchedAt) / 1000 : 0;
  return (
    <Paper withBorder p="sm" data-testid="sla-timers">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <IconClockHour4 size={16} />
          <Text fw={600} size="sm">{t('sla.timers.title')}</Text>
          <Badge variant="light" size="sm">{data.policy!.name}</Badge>
          {data.tier === 'vip' && <Badge color="grape" size="sm">VIP</Badge>}
          {data.paused && <Badge color="gray" size="sm">{t('sla.timers.paused')}</Badge>}
        </Group>
        {data.targets.map((x) => {
          const left = x.remainingMinutes === null ? null : x.remainingMinutes * 60 - (x.state === 'running' || x.state === 'breached' ? elapsed : 0);
          const overdue = left !== null && left < 0;
          const state = x.state === 'running' && overdue ? 'breached' : x.state;
          return (
            <Group key={x.kind} justify="space-between" gap="xs" wrap="wrap" data-testid={`sla-${x.kind}`} data-state={state}>
              <Text size="sm">{t(`sla.targets.${x.kind}`)}</Text>
              <Group gap="xs" wrap="nowrap">
                {left !== null && (
                  <Text size="sm" fw={600} c={overdue ? 'red' : undefined} ff="monospace" data-testid={`sla-${x.kind}-left`}>
                    {overdue ? t('sla.timers.overdue', { time: clock(-left) }) : t('sla.timers.left', { time: clock(left) })}
                  </Text>
                )}
                <Tooltip label={x.dueAt ? t('sla.timers.due', { at: formatDateTime(x.dueAt) }) : ''} disabled={!x.dueAt}>
                  <Badge color={COLORS[state]} variant="light" size="sm">{t(`sla.states.${state}`)}</Badge>
                </Tooltip>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
