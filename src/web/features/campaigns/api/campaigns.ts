// Campaigns API: the list with sent / open / click figures, one campaign, create / change / delete, preview as a
// contact, test send, schedule / cancel, and the report.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
export type Block =
  | { type: 'heading'; text: string; level?: 1 | 2; align?: 'left' | 'center' | 'right' }
  | { type: 'text'; text: string; align?: 'left' | 'center' | 'right' }
  | { type: 'image'; src: string; alt?: string; href?: string }
  | { type: 'button'; text: string; href: string; color?: string; align?: 'left' | 'center' | 'right' }
  | { type: 'divider' }
  | { type: 'spacer'; height?: number };

export interface CampaignInput {
  name: string;
  segmentId: string | null;
  language: 'en' | 'zh-CN';
  subject: string;
  preheader: string | null;
  blocks: Block[];
  fromName: string | null;
  throttlePerMinute: number;
  cost: number;
  currency: string;
  attributionDays: number;
  abSubject: string | null;
  abSharePercent: number;
  abMetric: 'open' | 'click';
  abWaitMinutes: number;
}

export interface Campaign extends CampaignInput {
  id: string;
  status: CampaignStatus;
  segmentName: string | null;
  scheduledAt: string | null;
  timeZone: string | null;
  abWinner: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  stats: { audience: number; sent: number; opened: number; clicked: number; openRate: number; clickRate: number };
}

export interface CampaignReport {
  audience: number;
  sent: number;
  delivered: number;
  failed: number;
  pending: number;
  uncertain: number;
  skipped: Record<string, number>;
  opens: { unique: number; total: number; rate: number };
  clicks: { unique: number; total: number; rate: number };
  links: { url: string; clicks: number; unique: number }[];
  unsubscribes: number;
  bounces: number;
  complaints: number;
  timeline: { hour: string; opens: number; clicks: number }[];
  variants: { variant: string; sent: number; opened: number; clicked: number }[];
  roi: { attributionDays: number; cost: number; currency: string; orders: number; buyers: number; revenue: { currency: string; amount: number }[]; roi: number | null };
}

export interface Preview {
  subject: string;
  html: string;
  text: string;
}

export function useCampaigns() {
  return useQuery({ queryKey: ['campaigns', 'list'], queryFn: () => api.get<{ data: Campaign[] }>('/campaigns', { limit: 200 }).then((r) => r.data) });
}

export function useCampaign(id: string | undefined) {
  // While it is queued or going out the status changes on the server: follow it as the report does.
  return useQuery({ queryKey: ['campaigns', 'one', id], enabled: Boolean(id), queryFn: () => api.get<Campaign>(`/campaigns/${id}`), refetchInterval: (q) => (q.state.data?.status === 'scheduled' || q.state.data?.status === 'sending' ? 5_000 : false) });
}

export function useCampaignReport(id: string | undefined) {
  return useQuery({ queryKey: ['campaigns', 'report', id], enabled: Boolean(id), queryFn: () => api.get<CampaignReport>(`/campaigns/${id}/report`), refetchInterval: 10_000 });
}

export function useSaveCampaign(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) => (id ? api.patch<Campaign>(`/campaigns/${id}`, input) : api.post<Campaign>('/campaigns', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useCampaignAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { action: 'schedule'; sendAt?: string; timeZone: string } | { action: 'cancel' }) =>
      a.action === 'schedule' ? api.post<Campaign>(`/campaigns/${id}/schedule`, { ...(a.sendAt && { sendAt: a.sendAt }), timeZone: a.timeZone }) : api.post<Campaign>(`/campaigns/${id}/cancel`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useTestSend(id: string) {
  return useMutation({ mutationFn: (to: string) => api.post<{ queued: true }>(`/campaigns/${id}/test-send`, { to }) });
}

export function usePreview() {
  return useMutation({ mutationFn: (input: { subject: string; preheader: string | null; blocks: Block[]; language: string; contactId?: string }) => api.post<Preview>('/campaigns/preview', { ...input, preheader: input.preheader || null, ...(input.contactId ? { contactId: input.contactId } : {}) }) });
}
