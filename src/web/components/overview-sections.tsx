// Extra sections of a 360° view (purchase history, lead scoring, … as modules add them), shown as readable lists.
import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { displayName } from '../lib/default-names';
import type { OverviewSection } from '../types/api';

const TITLE_KEYS = ['title', 'name', 'subject', 'label', 'displayName', 'externalId'];
const HIDDEN = new Set(['path', 'id', 'contactId', 'companyId', 'ownerId', 'teamId', 'createdBy', 'assigneeId', 'ruleId', 'dealId', 'currency']);
const MONEY = new Set(['lifetimeRevenue', 'total', 'amount', 'revenue', 'productCost', 'serviceCost', 'margin', 'predictedRevenue']);
const MAX_FACTS = 5;

/** An item's title and facts; an item with a `path` (an app route such as /households/…) links there. */
function describe(item: unknown, t: TFunction, values: Record<string, string> | undefined): { title: string; facts: string[]; path?: string } {
  if (item === null || typeof item !== 'object') return { title: String(item), facts: [] };
  const rec = item as Record<string, unknown>;
  const titleKey = TITLE_KEYS.find((k) => typeof rec[k] === 'string' && rec[k]);
  const currency = typeof rec.currency === 'string' ? rec.currency : null;
  const facts: string[] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (k === titleKey || HIDDEN.has(k) || v === null || v === undefined || v === '' || facts.length >= MAX_FACTS) continue;
    const label = t(`fields.${k}`, { defaultValue: k });
    if (k === 'kind' && typeof v === 'string') facts.push(t(`fields.kinds.${v}`, { defaultValue: v }));
    else if (k === 'stageName' && typeof v === 'string') facts.push(`${label}: ${displayName(v, t)}`);
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) facts.push(`${label}: ${formatDate(v)}`);
    else if (MONEY.has(k) && typeof v === 'number' && currency) facts.push(`${label}: ${formatMoney(v, currency)}`);
    else if (typeof v === 'string') facts.push(`${label}: ${/^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : (values?.[v] ?? v)}`);
    else if (typeof v === 'number' || typeof v === 'boolean') facts.push(`${label}: ${String(v)}`);
  }
  const path = typeof rec.path === 'string' && rec.path.startsWith('/') ? rec.path : undefined;
  return { title: titleKey ? String(rec[titleKey]) : '', facts, path };
}

/** `actions`: a button (or more) a page puts in a section's header, by section key (e.g. "New deal" on deals). */
export function OverviewSections({ sections, actions }: { sections: OverviewSection[]; actions?: Record<string, ReactNode> }) {
  const { t, i18n } = useTranslation();
  // Known enum values (order statuses, …) looked up as plain strings, so arbitrary text never becomes an i18n key.
  const values = i18n.getResource(i18n.language, 'translation', 'fields.values') as Record<string, string> | undefined;
  if (sections.length === 0) return null;
  return (
    <Stack>
      {sections.map((s) => (
        <Card key={s.key} withBorder data-testid={`section-${s.key}`}>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t(`sections.${s.key}`, { defaultValue: s.title })}</Title>
            <Group gap="xs" wrap="nowrap">
              {s.items.length > 0 && <Badge variant="light">{s.items.length}</Badge>}
              {actions?.[s.key]}
            </Group>
          </Group>
          {s.items.length === 0 ? (
            <Text size="sm" c="dimmed">{t('sections.empty')}</Text>
          ) : (
            <Stack gap="xs">
              {s.items.slice(0, 10).map((item, i) => {
                const d = describe(item, t, values);
                return (
                  <div key={i}>
                    {d.title && (d.path ? <Anchor component={Link} to={d.path} size="sm" fw={500}>{d.title}</Anchor> : <Text size="sm" fw={500}>{d.title}</Text>)}
                    {d.facts.length > 0 && <Text size="xs" c="dimmed">{d.facts.join(' · ')}</Text>}
                  </div>
                );
              })}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
