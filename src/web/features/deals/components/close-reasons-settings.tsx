// Settings → Deals: the won and lost reasons offered when a deal is closed (admins add, rename, reorder and remove them).
import { useState } from 'react';
import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/list-skeleton';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useCloseReasonMutations, useCloseReasons, type CloseReason } from '../api/close-reasons';

function ReasonList({ kind, reasons }: { kind: 'won' | 'lost'; reasons: CloseReason[] }) {
  const { t } = useTranslation();
  const { add, change, remove } = useCloseReasonMutations();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Swaps places with the reason above (positions are distinct: each new one goes last).
  const swap = (r: CloseReason, above: CloseReason) => {
    change.mutate({ id: r.id, position: above.position });
    change.mutate({ id: above.id, position: r.position });
  };
  const submit = () =>
    add.mutate({ kind, label: label.trim() }, { onSuccess: () => { setLabel(''); setError(null); }, onError: (err) => setError(formErrorsFrom(err).label ?? null) });
  return (
    <Card withBorder data-testid={`close-reasons-${kind}`}>
      <Title order={5} mb="xs">{kind === 'won' ? t('closeReasons.won') : t('closeReasons.lost')}</Title>
      <Stack gap={6}>
        {reasons.length === 0 && <Text size="sm" c="dimmed">{t('closeReasons.none')}</Text>}
        {reasons.map((r, i) => (
          <Group key={r.id} gap="xs" wrap="nowrap" data-testid="close-reason">
            <Text size="sm" style={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }}>{r.label}</Text>
            <ActionIcon variant="subtle" aria-label={t('closeReasons.moveUp')} disabled={i === 0} onClick={() => swap(r, reasons[i - 1]!)}>
              <IconArrowUp size={14} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('closeReasons.remove')} onClick={() => remove.mutate(r.id)}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <form onSubmit={(e) => { e.preventDefault(); if (label.trim()) submit(); }}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput style={{ flex: 1, minWidth: 0 }} aria-label={t('closeReasons.add')} placeholder={t('closeReasons.add')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={error} />
            <Button type="submit" leftSection={<IconPlus size={14} />} loading={add.isPending} disabled={!label.trim()}>{t('closeReasons.addButton')}</Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

export function CloseReasonsSettings() {
  const { t } = useTranslation();
  const reasons = useCloseReasons();
  if (reasons.isPending) return <ListSkeleton rows={3} />;
  if (reasons.error) return <ErrorAlert error={reasons.error} onRetry={() => void reasons.refetch()} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('closeReasons.hint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ReasonList kind="won" reasons={reasons.data.filter((r) => r.kind === 'won')} />
        <ReasonList kind="lost" reasons={reasons.data.filter((r) => r.kind === 'lost')} />
      </SimpleGrid>
    </Stack>
  );
}
