// The inbox over the API: conversations by view with cursor pages, unread counts, one conversation, its messages,
// and what an agent does (reply or note, read, assign, status, attach to a ticket, turn into a ticket).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../types/api';

export const INBOX_VIEWS = ['all', 'mine', 'unassigned', 'team'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const INBOX_CHANNELS = ['chat', 'email', 'phone', 'im', 'web', 'api'] as const;

export interface Conversation {
  id: string;
  channelKind: string;
  channelId: string | null;
  status: ConversationStatus;
  subject: string | null;
  contactId: string | null;
  contactName: string | null;
  visitorName: string | null;
  visitorEmail: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  ticketId: string | null;
  language: string | null;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  unreadCount: number;
  createdAt: string;
}

export interface InboxMessage {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  authorKind: 'contact' | 'agent' | 'bot' | 'system';
  authorId: string | null;
  authorName: string | null;
  bodyText: string;
  /** An e-mail with an HTML part: shown sanitised by MessageBody. */
  hasHtml?: boolean;
  status: string;
  private: boolean;
  createdAt: string;
}

export interface InboxFilters {
  view: InboxView;
  status: ConversationStatus | 'any';
  channel: string;
}

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (f: InboxFilters) => ['inbox', 'list', f] as const,
  unread: ['inbox', 'unread'] as const,
  conversation: (id: string) => ['inbox', 'conversation', id] as const,
  messages: (id: string) => ['inbox', 'messages', id] as const,
};

export function useConversations(f: InboxFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(f),
    queryFn: ({ pageParam, signal }) => api.get<Page<Conversation>>('/conversations', { view: f.view, status: f.status, channel: f.channel || undefined, limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useUnreadCounts = () => useQuery({ queryKey: inboxKeys.unread, queryFn: () => api.get<Record<InboxView, number>>('/conversations/unread') });

export const useConversation = (id: string) => useQuery({ queryKey: inboxKeys.conversation(id), queryFn: () => api.get<Conversation>(`/conversations/${id}`), enabled: Boolean(id) });

/** The last 100 messages, oldest first. */
export const useMessages = (id: string) =>
  useQuery({
    queryKey: inboxKeys.messages(id),
    queryFn: async () => (await api.get<Page<InboxMessage>>(`/conversations/${id}/messages`, { limit: 100 })).data.reverse(),
    enabled: Boolean(id),
  });

/** Adds a message to an open conversation's cached list once (a live event and the reply's answer may both bring it). */
export function addMessageToCache(qc: ReturnType<typeof useQueryClient>, m: InboxMessage): void {
  qc.setQueryData<InboxMessage[]>(inboxKeys.messages(m.conversationId), (old) => (old && !old.some((x) => x.id === m.id) ? [...old, m] : old));
}

function useConversationAction<T>(id: string, run: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useReply(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { bodyText: string; private: boolean }) => api.post<InboxMessage>(`/conversations/${id}/messages`, body),
    onSuccess: (m) => {
      addMessageToCache(qc, m);
      void qc.invalidateQueries({ queryKey: ['inbox', 'list'] });
    },
  });
}

export const useMarkRead = (id: string) => useConversationAction(id, () => api.post(`/conversations/${id}/read`));
export const useAssign = (id: string) => useConversationAction(id, (body: { assigneeId?: string | null; teamId?: string | null }) => api.post(`/conversations/${id}/assign`, body));
export const useSetStatus = (id: string) => useConversationAction(id, (status: ConversationStatus) => api.post(`/conversations/${id}/status`, { status }));
/** Attaches to a ticket named by its number (#1042) or id. */
export const useAttachTicket = (id: string) =>
  useConversationAction(id, async (ref: string) => {
    let ticketId = ref;
    if (/^#?\d+$/.test(ref)) {
      const found = await api.get<Page<{ id: string; number: number }>>('/tickets', { q: ref, limit: 1 });
      ticketId = found.data.find((x) => x.number === Number(ref.replace('#', '')))?.id ?? ref;
    }
    return api.post(`/conversations/${id}/attach-ticket`, { ticketId });
  });
/** The tickets part's POST /tickets with the conversation: it becomes the ticket's first thread. */
export const useToTicket = (id: string) =>
  useConversationAction(id, (body: { subject: string }) => api.post<{ id: string; number: number }>('/tickets', { subject: body.subject, conversationId: id }));
