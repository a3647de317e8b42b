// Websites that embed the tracking snippet (admin): the secret is in the create/rotate answer only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface WebSite {
  id: string;
  name: string;
  siteKey: string;
  allowedOrigins: string[];
  requireConsent: boolean;
  enabled: boolean;
  createdAt: string;
}
export type WebSiteWithSecret = WebSite & { secret: string };
export interface WebSiteInput {
  name: string;
  allowedOrigins: string[];
  requireConsent?: boolean;
  enabled?: boolean;
}
export interface Rejection {
  siteId: string | null;
  reason: string;
  count: number;
}

const KEY = ['web-sites'];

export function useWebSites() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ data: WebSite[] }>('/web-sites', undefined, signal).then((r) => r.data) });
}

export function useRejections() {
  return useQuery({ queryKey: [...KEY, 'rejections'], queryFn: ({ signal }) => api.get<{ data: Rejection[] }>('/web-sites/rejections', undefined, signal).then((r) => r.data) });
}

export function useSaveWebSite(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WebSiteInput>) => (id ? api.patch<WebSite>(`/web-sites/${id}`, input) : api.post<WebSiteWithSecret>('/web-sites', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRotateWebSiteSecret() {
  return useMutation({ mutationFn: (id: string) => api.post<WebSiteWithSecret>(`/web-sites/${id}/rotate-secret`) });
}

export function useTrackingSettings() {
  return useQuery({ queryKey: [...KEY, 'settings'], queryFn: ({ signal }) => api.get<{ retentionDays: number }>('/web-tracking/settings', undefined, signal) });
}

export function useSaveTrackingSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (s: { retentionDays: number }) => api.put<{ retentionDays: number }>('/web-tracking/settings', s), onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'settings'] }) });
}

/** The one line a site pastes before </body>. */
export const trackingSnippet = (s: Pick<WebSite, 'siteKey' | 'requireConsent'>) =>
  `<script src="${window.location.origin}/t/rapport.js" data-site="${s.siteKey}"${s.requireConsent ? ' data-require-consent="true"' : ''} async></script>`;

/** Calls a page makes once the snippet is loaded. */
export const trackingCalls = `rapport.track('trial_started', { plan: 'pro' });\nrapport.identify({ email: 'ann@example.com' });\nrapport.consent(false); // stops tracking`;

/** How the site's backend signs a user id for rapport.identify({ userId, signature }) (Node.js). */
export const signingCode = `const signature = require('node:crypto')\n  .createHmac('sha256', SITE_SECRET)\n  .update(String(user.id))\n  .digest('hex');`;
