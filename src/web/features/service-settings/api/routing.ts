// Ticket routing settings: ordered routing rules and agents' skills, capacity and away status.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const CHANNELS = ['email', 'chat', 'phone', 'im', 'web', 'api'] as const;
export interface RoutingConditions {
  channels?: (typeof CHANNELS)[number][];
  categories?: string[];
  languages?: string[];
  tiers?: ('vip' | 'standard')[];
  keywords?: string[];
}
export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  conditions: RoutingConditions;
  teamId: string;
  teamName: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  strategy: 'round_robin' | 'least_loaded';
  skill: string | null;
  active: boolean;
}
export type RoutingRuleInput = Omit<RoutingRule, 'id' | 'teamName' | 'position'> & { position?: number };

export interface AgentStatus {
  userId: string;
  name: string;
  role: string;
  teamId: string | null;
  skills: string[];
  capacity: number | null;
  away: boolean;
  openTickets: number;
}

const RULES = ['routing-rules'];
const AGENTS = ['agent-status'];

export const useRoutingRules = () => useQuery({ queryKey: RULES, queryFn: () => api.get<{ data: RoutingRule[] }>('/routing-rules').then((r) => r.data) });
export function useSaveRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<RoutingRuleInput> & { id?: string }) => (id ? api.patch<RoutingRule>(`/routing-rules/${id}`, input) : api.post<RoutingRule>('/routing-rules', input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: RULES }),
  });
}
export function useDeleteRoutingRule() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/routing-rules/${id}`), onSuccess: () => void qc.invalidateQueries({ queryKey: RULES }) });
}

export const useAgentStatus = () => useQuery({ queryKey: AGENTS, queryFn: () => api.get<{ data: AgentStatus[] }>('/agent-status').then((r) => r.data) });
export function useSetAgentStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...input }: { userId: string; skills?: string[]; capacity?: number | null; away?: boolean }) => api.patch<AgentStatus>(`/agent-status/${userId}`, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: AGENTS }),
  });
}

/** Why a ticket went to its team and agent (steps said as sentences by lib/routing-steps). */
export const useTicketRouting = (ticketId: string) =>
  useQuery({ queryKey: ['tickets', ticketId, 'routing'], queryFn: () => api.get<{ steps: unknown[]; explanation: string | null }>(`/tickets/${ticketId}/routing`) });
