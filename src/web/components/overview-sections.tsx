// Extra sections of a 360° view (deals, tickets, … as modules add them), shown as simple readable lists.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverviewSection } from '../types/api';
import { formatDateTime } from '../lib/format';

const TITLE_KEYS = ['title', 'name', 'subject', 'label', 'displayName'];
const HIDDEN = new Set(['id', 'contactId', 'companyId', 'ownerId', 'teamId', 'createdBy', 'assigneeId']);

function describe(item: unknown): { title: string; facts: [string, string][] } {
  if (item === null || typeof item !== 'object') return { title: String(item), facts: [] };
  const rec = item as Record<string, unknown>;
  const titleKey = TITLE_KEYS.find((k) => typeof rec[k] === 'string' && rec[k]);
  const facts: [string, string][] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (k === titleKey || HIDDEN.has(k) || v === null || v === undefined || v === '') continue;
    if (typeof v === 'string') facts.push([k, /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v]);
    else if (typeof v === 'number' || typeof v === 'boolean') facts.push([k, String(v)]);
    if (facts.length >= 4) break;
  }
  return { title: titleKey ? String(rec[titleKey]) : '', facts };
}

export function OverviewSections({ sections }: { sections: OverviewSection[] }) {
  const { t } = useTranslation();
  const visible = sections.filter((s) => s.items.length > 0);
  if (visible.length === 0) return null;
  return (
    <Stack>
      {visible.map((s) => (
        <Card key={s.key} withBorder data-testid={`section-${s.key}`}>
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t(`sections.${s.key}`, { defaultValue: s.title })}</Title>
            <Badge variant="light">{s.items.length}</Badge>
          </Group>
          <Stack gap="xs">
            {s.items.slice(0, 10).map((item, i) => {
              const d = describe(item);
              return (
                <div key={i}>
                  {d.title && <Text size="sm" fw={500}>{d.title}</Text>}
                  {d.facts.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {d.facts.map(([k, v]) => `${t(`fields.${k}`, { defaultValue: k })}: ${v}`).join(' · ')}
                    </Text>
                  )}
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
