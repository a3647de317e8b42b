// The chat widget's connection to Rapport: a visitor session (anonymous id kept in localStorage, or the site's
// identity token), the visitor's history, messages over the WebSocket with an HTTP fallback, and live replies.
export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  authorKind: string;
  authorName: string | null;
  bodyText: string;
  createdAt: string;
}

export interface Identity {
  userId: string;
  hash: string;
  name?: string;
  email?: string;
}

export interface ClientEvents {
  onMessage(m: ChatMessage): void;
  onConnection(open: boolean): void;
  onError(status: number): void;
}

const randomId = (n = 24) => {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'[b % 64]).join('');
};

export class HttpError extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

export class ChatClient {
  private token: string | null = null;
  private socket: WebSocket | null = null;
  private retry = 500;
  private closed = false;
  private readonly key: string;

  constructor(
    private readonly base: string,
    readonly channelId: string,
    private readonly events: ClientEvents,
  ) {
    this.key = `rapport-chat:${channelId}`;
    const saved = localStorage.getItem(`${this.key}:token`);
    const until = Number(localStorage.getItem(`${this.key}:until`) ?? 0);
    if (saved && until > Date.now() + 60_000) this.token = saved;
  }

  get hasSession(): boolean {
    return this.token !== null;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      credentials: 'omit',
      headers: { 'content-type': 'application/json', ...(this.token && { authorization: `Bearer ${this.token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new HttpError(res.status, data.detail ?? res.statusText);
    return data as T;
  }

  channelLook() {
    return this.call<{ name: string; color: string; greetingEn: string; greetingZh: string; askEmail: boolean }>('GET', `/widget/v1/channels/${encodeURIComponent(this.channelId)}`);
  }

  async start(opts: { identity?: Identity; name?: string; email?: string; language: string }): Promise<void> {
    let anonymousId = localStorage.getItem(`${this.key}:vid`);
    if (!anonymousId) localStorage.setItem(`${this.key}:vid`, (anonymousId = randomId()));
    const body = { channelId: this.channelId, language: opts.language, ...(opts.identity ? { identity: opts.identity } : { anonymousId }), ...(opts.name && { name: opts.name }), ...(opts.email && { email: opts.email }) };
    const s = await this.call<{ token: string; expiresAt: string }>('POST', '/widget/v1/session', body);
    this.token = s.token;
    localStorage.setItem(`${this.key}:token`, s.token);
    localStorage.setItem(`${this.key}:until`, String(Date.parse(s.expiresAt)));
  }

  history() {
    return this.call<{ status: string | null; messages: ChatMessage[] }>('GET', '/widget/v1/messages');
  }

  connect(): void {
    if (!this.token || this.closed) return;
    const url = `${this.base.replace(/^http/, 'ws')}/widget/v1/live?token=${encodeURIComponent(this.token)}`;
    const ws = new WebSocket(url);
    this.socket = ws;
    ws.onmessage = (e) => {
      const frame = JSON.parse(String(e.data));
      if (frame.type === 'ready') {
        this.retry = 500;
        this.events.onConnection(true);
      }
      if ((frame.type === 'message' || frame.type === 'ack') && frame.message) this.events.onMessage(frame.message);
      if (frame.type === 'error') this.events.onError(Number(frame.status));
    };
    ws.onclose = (e) => {
      this.socket = null;
      this.events.onConnection(false);
      if (this.closed) return;
      if (e.code === 4401) {
        // The session ended (expired, secret rotated): start a new one next time.
        this.token = null;
        localStorage.removeItem(`${this.key}:token`);
        return;
      }
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 15_000);
    };
  }

  /** Over the socket when it is open, else by HTTP; the client id makes a retry harmless. */
  async send(bodyText: string): Promise<ChatMessage | null> {
    const clientId = randomId(16);
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type: 'message', bodyText, clientId }));
      return null;
    }
    const r = await this.call<{ message: ChatMessage }>('POST', '/widget/v1/messages', { bodyText, clientId });
    return r.message;
  }

  transcript(email?: string) {
    return this.call<{ to: string }>('POST', '/widget/v1/transcript', email ? { email } : {});
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
