// GET /today: the cards of my day, in my browser's time zone.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { browserTimeZone } from '../../../lib/time-zone';

export interface TodayItem {
  id: string;
  title: string;
  subtitle: string | null;
  at: string | null;
  amount: number | null;
  currency: string | null;
  entity: string;
  entityId: string;
  by: string | null;
  tags: string[];
}
export interface TodayCard {
  key: string;
  count: number;
  total: number | null;
  currency: string | null;
  items: TodayItem[];
}
export interface Today {
  today: string;
  timeZone: string;
  cards: TodayCard[];
}


export const useToday = () =>
  useQuery({
    queryKey: ['today'],
    queryFn: ({ signal }) => api.get<Today>('/today', { tz: browserTimeZone(), limit: 5 }, signal),
    refetchInterval: 60_000,
  });
