// A household's combined value: members, their interactions, and what other modules add (purchases per currency).
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { Household } from '../api/households';

// Participants whose count means records ("sales" and "sales.leads" count members that have data, so they are left out).
const RELATED: Record<string, string> = { interactions: 'households.value.interactions' };
const LABELS: Record<string, string> = { purchases: 'households.value.purchases' };

interface Money {
  amount: number;
  currency: string;
  orders?: number;
}
const isMoney = (v: unknown): v is Money => Boolean(v) && typeof (v as Money).amount === 'number' && typeof (v as Money).currency === 'string';

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg" style={{ wordBreak: 'break-word' }}>{value}</Text>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </div>
  );
}

export function HouseholdValueCard({ value }: { value: Household['value'] }) {
  const { t } = useTranslation();
  const { members, related, ...extra } = value;
  // A contributor's figure is a number, money ({amount, currency}) or a list of money (one per currency).
  const extras = Object.entries(extra).flatMap(([k, v]): { k: string; label: string; text: string; detail?: string }[] => {
    const label = LABELS[k] ? t(LABELS[k]) : t(`fields.${k}`, { defaultValue: k });
    if (typeof v === 'number') return [{ k, label, text: String(v) }];
    const list = (Array.isArray(v) ? v : [v]).filter(isMoney);
    if (list.length === 0) return Array.isArray(v) ? [{ k, label, text: t('common.empty') }] : [];
    const orders = list.reduce((n, m) => n + (m.orders ?? 0), 0);
    return [{ k, label, text: list.map((m) => formatMoney(m.amount, m.currency)).join(' · '), detail: orders ? t('households.value.orders', { count: orders }) : undefined }];
  });
  return (
    <Card withBorder data-testid="household-value">
      <Title order={4} mb="sm">{t('households.value.title')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
        <Figure label={t('households.value.members')} value={String(members)} />
        {Object.entries(RELATED).map(([k, label]) => (k in related ? <Figure key={k} label={t(label)} value={String(related[k])} /> : null))}
        {extras.map((e) => (
          <Figure key={e.k} label={e.label} value={e.text} detail={e.detail} />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">{t('households.value.hint')}</Text>
    </Card>
  );
}
