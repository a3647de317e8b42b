// A household's combined value: members, their related records, and any figure another module adds (e.g. purchases).
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { Household } from '../api/households';

// Related-record counts worth showing, by the server's participant key ("sales" counts members, not records).
const RELATED: Record<string, string> = { interactions: 'households.value.interactions', 'sales.leads': 'households.value.leads' };

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg">{value}</Text>
    </div>
  );
}

export function HouseholdValueCard({ value }: { value: Household['value'] }) {
  const { t } = useTranslation();
  const { members, related, ...extra } = value;
  // Figures from contributors come as { amount, currency } (money) or a plain number.
  const extras = Object.entries(extra).flatMap(([k, v]) => {
    if (typeof v === 'number') return [{ k, text: String(v) }];
    const m = v as { amount?: unknown; currency?: unknown } | null;
    return m && typeof m.amount === 'number' && typeof m.currency === 'string' ? [{ k, text: formatMoney(m.amount, m.currency) }] : [];
  });
  return (
    <Card withBorder data-testid="household-value">
      <Title order={4} mb="sm">{t('households.value.title')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        <Figure label={t('households.value.members')} value={String(members)} />
        {Object.entries(RELATED).map(([k, label]) => (k in related ? <Figure key={k} label={t(label)} value={String(related[k])} /> : null))}
        {extras.map((e) => (
          <Figure key={e.k} label={t(`fields.${e.k}`, { defaultValue: e.k })} value={e.text} />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">{t('households.value.hint')}</Text>
    </Card>
  );
}
