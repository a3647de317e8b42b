// This server's open WebSockets (agents in the inbox, visitors in the widget) and the delivery of inbox events to
// them: an agent gets what the visibility rule lets them see, a visitor only their own conversation's public messages.
// An agent's socket lives only as long as their login: it is checked again periodically and on a session change.
import type { WebSocket } from 'ws';
import type { Db } from '../../../core/db/database.js';
import { canSee, type Actor } from '../../../core/auth/actor.js';
import type { RealtimeHub } from '../../../core/realtime/realtime.js';
import { SESSIONS_TOPIC, type SessionChange } from '../../../core/auth/session-events.js';
import { findMessage } from './inbox-repository.js';
import { INBOX_TOPIC, type LiveEvent } from './inbox-live.js';
import type { InboxMessage } from './inbox-schemas.js';

export interface AgentSocket {
  actor: Actor;
  socket: WebSocket;
  /** Resolves the socket's credentials again; null once the session ended or the user was deactivated. */
  reauthenticate: (() => Promise<Actor | null>) | null;
}

/** How often every agent socket's session is checked again (seconds); a logout or a user change checks at once. */
const sessionCheckMs = () => Math.max(0.1, Number(process.env.RAPPORT_INBOX_SESSION_CHECK_SECONDS) || 30) * 1000;

export interface VisitorSocket {
  channelId: string;
  visitorId: string;
  socket: WebSocket;
}

/** What a visitor sees of a message: no internal ids of agents, never a private note. */
export const visitorMessage = (m: Omit<InboxMessage, 'hasHtml'>) => ({
  id: m.id,
  direction: m.direction,
  authorKind: m.authorKind,
  authorName: m.authorKind === 'agent' ? m.authorName : null,
  bodyText: m.bodyText,
  createdAt: m.createdAt,
});

const send = (socket: WebSocket, data: unknown) => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(data));
};

export class LiveSockets {
  readonly agents = new Set<AgentSocket>();
  private readonly visitors = new Map<string, Set<VisitorSocket>>();
  private readonly unsubscribe: (() => void)[];
  /** Runs only while agents are connected, so a closed server leaves no timer behind. */
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Db,
    hub: RealtimeHub,
  ) {
    this.unsubscribe = [
      hub.subscribe(INBOX_TOPIC, (payload) => void this.deliver(payload as LiveEvent).catch((err) => console.error('inbox delivery failed', err))),
      hub.subscribe(SESSIONS_TOPIC, (payload) => {
        for (const a of this.agents) if (a.actor.id === (payload as SessionChange).userId) void this.recheck(a);
      }),
    ];
  }

  /** Closes an agent's socket whose session ended (4401) or whose role changed (4403: reconnecting checks the new role);
   * a new team or visibility applies to the next event. A failed check (database busy) is tried again next time. */
  private async recheck(a: AgentSocket): Promise<void> {
    if (!a.reauthenticate || a.socket.readyState !== a.socket.OPEN) return;
    let next: Actor | null;
    try {
      next = await a.reauthenticate();
    } catch {
      return;
    }
    if (!next) a.socket.close(4401, 'Your session has ended');
    else if (next.role !== a.actor.role) a.socket.close(4403, 'Your role has changed');
    else a.actor = next;
  }

  addAgent(a: AgentSocket): () => void {
    this.agents.add(a);
    if (!this.timer) {
      this.timer = setInterval(() => {
        for (const agent of this.agents) void this.recheck(agent);
      }, sessionCheckMs());
      this.timer.unref();
    }
    return () => {
      this.agents.delete(a);
      if (this.agents.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  addVisitor(v: VisitorSocket): () => void {
    const key = `${v.channelId}|${v.visitorId}`;
    let set = this.visitors.get(key);
    if (!set) this.visitors.set(key, (set = new Set()));
    set.add(v);
    return () => {
      set.delete(v);
      if (set.size === 0) this.visitors.delete(key);
    };
  }

  get visitorCount(): number {
    let n = 0;
    for (const s of this.visitors.values()) n += s.size;
    return n;
  }

  private async deliver(event: LiveEvent): Promise<void> {
    const c = event.conversation;
    let message = event.message ?? null;
    if (event.kind === 'message' && !message && event.messageId) message = (await findMessage(this.db.kysely, event.messageId)) ?? null;
    const forAgents = { type: event.kind, conversation: c, message };
    for (const a of this.agents) {
      if (canSee(a.actor, { ownerId: c.assigneeId, teamId: c.teamId })) send(a.socket, forAgents);
    }
    if (!c.visitorId || !c.channelId) return;
    const visitors = this.visitors.get(`${c.channelId}|${c.visitorId}`);
    if (!visitors) return;
    const forVisitor = event.kind === 'message' ? (message && !message.private ? { type: 'message', message: visitorMessage(message) } : null) : { type: 'status', status: c.status };
    if (!forVisitor) return;
    for (const v of visitors) send(v.socket, forVisitor);
  }

  close(): void {
    clearInterval(this.timer);
    for (const u of this.unsubscribe) u();
  }
}

const registries = new WeakMap<RealtimeHub, LiveSockets>();

/** The one registry of this server (its hub), shared by the inbox's and the widget's socket routes. */
export function liveSocketsOf(db: Db, hub: RealtimeHub): LiveSockets {
  let r = registries.get(hub);
  if (!r) registries.set(hub, (r = new LiveSockets(db, hub)));
  return r;
}
