// The inbox's live updates: one WebSocket to /api/v1/inbox/live while the inbox is open; a new message is added to
// its open conversation at once and the lists and counts refetch (coalesced), reconnecting after a drop; when the
// server ends the socket because the session ended, the next read meets the 401 that sends the user to log in.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { addMessageToCache, inboxKeys, type InboxMessage } from './inbox';

interface LiveFrame {
  type: 'ready' | 'message' | 'conversation';
  conversation?: { id: string };
  message?: InboxMessage | null;
}

export function useInboxLive(): boolean {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry = 500;
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const refresh = (conversationId?: string) => {
      if (conversationId) void qc.invalidateQueries({ queryKey: inboxKeys.conversation(conversationId) });
      clearTimeout(refetch);
      refetch = setTimeout(() => {
        void qc.invalidateQueries({ queryKey: ['inbox', 'list'] });
        void qc.invalidateQueries({ queryKey: inboxKeys.unread });
      }, 250);
    };
    const open = () => {
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/inbox/live`;
      socket = new WebSocket(url);
      socket.onopen = () => {
        retry = 500;
        setConnected(true);
        // Whatever happened while disconnected is read again.
        void qc.invalidateQueries({ queryKey: inboxKeys.all });
      };
      socket.onmessage = (e) => {
        const frame = JSON.parse(String(e.data)) as LiveFrame;
        if (frame.type === 'message' && frame.message) addMessageToCache(qc, frame.message);
        if (frame.type === 'message' && !frame.message && frame.conversation) void qc.invalidateQueries({ queryKey: inboxKeys.messages(frame.conversation.id) });
        if (frame.conversation) refresh(frame.conversation.id);
      };
      socket.onclose = (e) => {
        setConnected(false);
        if (stopped) return;
        // The session ended (logout elsewhere, expiry, deactivation): reading again meets the 401 that leads to login.
        if (e.code === 4401) void qc.invalidateQueries({ queryKey: inboxKeys.all });
        setTimeout(open, retry);
        retry = Math.min(retry * 2, 15_000);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(refetch);
      socket?.close();
    };
  }, [qc]);
  return connected;
}
