// One card of the Today page: title with count (and total), a few items with their time, and "see all".
import { Anchor, Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayName } from '../../../lib/default-names';
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../../../lib/format';
import type { TodayCard as Card_, TodayItem } from '../api/get-today';
import { linkOf, lookOf, type CardLook } from './card-registry';

function ItemTime({ item, look }: { item: TodayItem; look: CardLook }) {
  const { t } = useTranslation();
  if (!item.at || look.time === 'none') return null;
  const overdue = item.tags.includes('overdue');
  const text =
    look.time === 'due' ? (overdue ? t('today.overdueSince', { when: formatDateTime(item.at) }) : t('today.dueAt', { when: formatDateTime(item.at) }))
    : look.time === 'starts' ? formatDateTime(item.at)
    : look.time === 'closes' ? t('today.closes', { when: formatDate(item.at) }) + (item.tags[0] ? ` · ${displayName(item.tags[0], t)}` : '')
    : look.time === 'since' ? t('today.inStageSince', { stage: displayName(item.tags[0] ?? '', t), when: formatRelative(item.at) })
    : formatRelative(item.at);
  return <Text size="xs" c={overdue ? 'red' : 'dimmed'}>{text}</Text>;
}

function ItemRow({ item, look }: { item: TodayItem; look: CardLook }) {
  const { t } = useTranslation();
  const kind = look.time === 'happened' && item.tags[0] && !look.subtitleOf ? t(`interactions.types.${item.tags[0]}`, { defaultValue: '' }) : '';
  const subtitle = look.subtitleOf ? look.subtitleOf(item, t) : item.subtitle;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={linkOf(item)} size="sm" fw={500} lineClamp={1} data-testid="today-item">
          {item.title || t('today.untitled')}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[kind, subtitle, item.by && t('today.by', { name: item.by })].filter(Boolean).join(' · ')}
        </Text>
        <ItemTime item={item} look={look} />
        {look.Actions && <look.Actions item={item} />}
      </Stack>
      {item.amount !== null && <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>{formatMoney(item.amount, item.currency)}</Text>}
    </Group>
  );
}

export function TodayCard({ card, today }: { card: Card_; today: string }) {
  const { t } = useTranslation();
  const look = lookOf(card.key);
  const Icon = look.icon;
  return (
    <Card withBorder padding="md" data-testid={`today-card-${card.key}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color={look.color} size="md"><Icon size={16} /></ThemeIcon>
          <Text fw={600}>{t(`today.cards.${card.key}`, { defaultValue: card.key })}</Text>
          <Badge variant="light" color={card.count ? look.color : 'gray'} data-testid="today-count">{card.count.toLocaleString()}</Badge>
        </Group>
        {card.total !== null && <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatMoney(card.total, card.currency)}</Text>}
      </Group>
      {card.items.length === 0 ? (
        <Text size="sm" c="dimmed">{t(`today.empty.${card.key}`, { defaultValue: t('today.nothing') })}</Text>
      ) : (
        <Stack gap="sm">
          {card.items.map((item) => <ItemRow key={item.id} item={item} look={look} />)}
        </Stack>
      )}
      {look.more && card.count > card.items.length && (
        <Anchor component={Link} to={look.more(today)} size="sm" mt="sm">{t('today.seeAll', { count: card.count })}</Anchor>
      )}
      {look.more && card.count > 0 && card.count <= card.items.length && (
        <Anchor component={Link} to={look.more(today)} size="xs" mt="sm" c="dimmed">{t('today.open')}</Anchor>
      )}
    </Card>
  );
}
