// How each Today card looks: its icon, colour, where "see all" leads and where an item links. A module whose card has
// no entry here is still shown, with the generic look (the card key as title key, items linked by entity).
import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import { IconAlertTriangle, IconBell, IconBolt, IconCalendarEvent, IconChecklist, IconClockPause, IconHeartBroken, IconTargetArrow, IconUserPlus, type Icon } from '@tabler/icons-react';

export interface CardLook {
  icon: Icon;
  color: string;
  /** The page listing everything the card counts (given today's date, YYYY-MM-DD). */
  more?: (today: string) => string;
  /** What an item's time means: due, starts, closes, in stage since, happened. */
  time: 'due' | 'starts' | 'closes' | 'since' | 'happened' | 'none';
  /** The item's second line in the reader's language (else its subtitle). */
  subtitleOf?: (item: CardItem, t: TFunction) => string;
  /** Buttons under each item (an alert's accept / snooze / dismiss; added by the Today page). */
  Actions?: ComponentType<{ item: CardItem }>;
}

/** What a look needs of an item (a TodayItem). */
export interface CardItem {
  id: string;
  subtitle: string | null;
  tags: string[];
}

const looks: Record<string, CardLook> = {
  tasks: { icon: IconChecklist, color: 'orange', more: () => '/tasks', time: 'due' },
  meetings: { icon: IconCalendarEvent, color: 'blue', time: 'starts' },
  closingDeals: { icon: IconTargetArrow, color: 'teal', more: (d) => `/deals?view=table&owner=me&month=${d.slice(0, 7)}`, time: 'closes' },
  stalledDeals: { icon: IconClockPause, color: 'red', more: () => '/deals?view=table&owner=me&sort=stageEnteredAt', time: 'since' },
  newLeads: { icon: IconUserPlus, color: 'grape', more: () => '/leads?status=new&owner=me', time: 'happened' },
  recentActivity: { icon: IconBolt, color: 'indigo', time: 'happened' },
  alerts: {
    icon: IconBell,
    color: 'red',
    more: () => '/alerts',
    time: 'happened',
    subtitleOf: (i, t) => [t(`alerts.rules.${i.tags[0]}`), t('alerts.suggested', { action: t(`alerts.actions.${i.tags[1]}`, { product: i.subtitle ?? '' }) })].join(' · '),
  },
  atRiskCustomers: { icon: IconHeartBroken, color: 'orange', more: () => '/customer-value/seven-p?p=prospecting&bucket=likelyLost', time: 'happened', subtitleOf: atRiskReason },
};

/** An at-risk customer's tag is churn:<risk %> (a churn model) or alive:<chance % to buy again> (the CLV model). */
function atRiskReason(item: CardItem, t: TFunction): string {
  const [why, pct] = (item.tags[0] ?? '').split(':');
  return t(why === 'churn' ? 'alerts.churnRisk' : 'alerts.chanceToBuyAgain', { pct });
}

const fallback: CardLook = { icon: IconAlertTriangle, color: 'gray', time: 'happened' };

export function registerCardLook(key: string, look: CardLook): void {
  looks[key] = look;
}

export const lookOf = (key: string): CardLook => looks[key] ?? fallback;

/** Where an item leads: a record page, or the deal drawer on the deals page. */
export function linkOf(item: { entity: string; entityId: string }): string {
  switch (item.entity) {
    case 'contact':
      return `/contacts/${item.entityId}`;
    case 'company':
      return `/companies/${item.entityId}`;
    case 'deal':
      return `/deals?view=table&deal=${item.entityId}`;
    case 'household':
      return `/households/${item.entityId}`;
    default:
      return `/${item.entity}s/${item.entityId}`;
  }
}
