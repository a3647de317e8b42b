// Chat-widget channels (admin): one per site that embeds the widget; the secret is in the create/rotate answer only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface WidgetConfig {
  allowedOrigins: string[];
  color: string;
  greetingEn: string;
  greetingZh: string;
  askEmail: boolean;
  botEnabled: boolean;
}
export interface WidgetChannel {
  id: string;
  name: string;
  teamId: string | null;
  enabled: boolean;
  config: WidgetConfig;
  createdAt: string;
}
export type WidgetChannelWithSecret = WidgetChannel & { secret: string };
export interface WidgetChannelInput {
  name: string;
  teamId: string | null;
  enabled?: boolean;
  config: Partial<WidgetConfig>;
}

const KEY = ['widget-channels'];

export function useWidgetChannels() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ data: WidgetChannel[] }>('/widget-channels', undefined, signal).then((r) => r.data) });
}

export function useSaveWidgetChannel(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WidgetChannelInput>) => (id ? api.patch<WidgetChannel>(`/widget-channels/${id}`, input) : api.post<WidgetChannelWithSecret>('/widget-channels', input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRotateWidgetSecret() {
  return useMutation({ mutationFn: (id: string) => api.post<WidgetChannelWithSecret>(`/widget-channels/${id}/rotate-secret`) });
}

/** The one line a site pastes before </body>. */
export const widgetSnippet = (channelId: string) => `<script src="${window.location.origin}/widget.js" data-channel="${channelId}" async></script>`;

/** The same tag for a logged-in user of the site: its backend fills in the user's id and the HMAC of it. */
export const identitySnippet = (channelId: string) =>
  `<script src="${window.location.origin}/widget.js" data-channel="${channelId}"\n  data-user-id="USER_ID" data-user-hash="HMAC_HEX"\n  data-user-name="NAME" data-user-email="EMAIL" async></script>`;

/** How the site's backend computes data-user-hash (Node.js). */
export const identityCode = `const hash = require('node:crypto')\n  .createHmac('sha256', CHANNEL_SECRET)\n  .update(String(user.id))\n  .digest('hex');`;
