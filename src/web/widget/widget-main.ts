// The chat widget served as /widget.js: `<script src="https://crm.example.com/widget.js" data-channel="…" async>`
// puts a chat bubble on the page; a panel with a pre-chat form, the conversation (live) and a reply box opens on
// click. Identified visitors: data-user-id and data-user-hash (HMAC-SHA256 of the user id under the channel secret,
// computed by the site's backend), optionally data-user-name and data-user-email. Web addresses in messages (the
// satisfaction survey's link) are links.
import { ChatClient, HttpError, type ChatMessage, type Identity } from './widget-client';
import { linkified } from './widget-links';
import { widgetCss } from './widget-styles';
import { pageLanguage, widgetStrings } from './widget-strings';

const CHAT_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

async function mount(script: HTMLScriptElement): Promise<void> {
  const channelId = script.dataset.channel;
  if (!channelId) return;
  const base = new URL(script.src).origin;
  const language = pageLanguage();
  const t = widgetStrings[language];
  const d = script.dataset;
  const identity: Identity | undefined = d.userId && d.userHash ? { userId: d.userId, hash: d.userHash, name: d.userName, email: d.userEmail } : undefined;

  const seen = new Set<string>();
  let body: HTMLDivElement;
  const addMessage = (m: ChatMessage) => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    const row = el('div', { class: `msg ${m.direction}`, 'data-testid': 'chat-message' });
    const text = el('div');
    text.append(linkified(m.bodyText));
    row.append(el('div', { class: 'who' }, m.direction === 'in' ? t.you : m.authorKind === 'bot' ? t.bot : (m.authorName ?? t.agent)), text);
    body.append(row);
    body.scrollTop = body.scrollHeight;
  };
  const client = new ChatClient(base, channelId, {
    onMessage: addMessage,
    onConnection: (open) => (status.textContent = open ? '' : t.offline),
    onError: (code) => (status.textContent = code === 429 ? t.tooFast : code === 422 ? t.tooLong : t.failed),
  });
  const look = await client.channelLook().catch(() => null);
  if (!look) return;

  const host = el('div', { id: 'rapport-chat' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(el('style', {}, widgetCss(look.color)));
  const bubble = el('button', { class: 'bubble', 'aria-label': t.open, 'data-testid': 'chat-bubble' });
  bubble.innerHTML = CHAT_ICON;
  const panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': look.name, 'data-testid': 'chat-panel' });
  const head = el('div', { class: 'head' });
  const close = el('button', { 'aria-label': t.close }, '×');
  head.append(el('span', {}, look.name), close);
  body = el('div', { class: 'body', 'data-testid': 'chat-body' });
  body.append(el('div', { class: 'greet' }, language === 'zh-CN' ? look.greetingZh : look.greetingEn));
  const status = el('div', { class: 'err', 'data-testid': 'chat-status' });
  const foot = el('div', { class: 'foot' });
  const input = el('textarea', { placeholder: t.placeholder, 'aria-label': t.placeholder, maxlength: '4000', 'data-testid': 'chat-input' });
  const send = el('button', { class: 'primary', 'data-testid': 'chat-send' }, t.send);
  foot.append(input, send);
  const note = el('div', { class: 'note' });
  const transcript = el('button', { 'data-testid': 'chat-transcript' }, t.transcript);
  note.append(transcript);
  panel.append(head, body, status, foot, note);
  root.append(bubble, panel);
  document.body.append(host);

  const showChat = async () => {
    pre?.remove();
    foot.style.display = 'flex';
    note.style.display = 'block';
    const h = await client.history().catch(() => null);
    h?.messages.forEach(addMessage);
    client.connect();
  };
  let pre: HTMLFormElement | null = null;
  const begin = async (name?: string, email?: string) => {
    try {
      await client.start({ identity, name, email, language });
      await showChat();
    } catch (err) {
      status.textContent = err instanceof HttpError && err.status === 429 ? t.tooFast : t.unavailable;
    }
  };
  const preChat = () => {
    foot.style.display = 'none';
    note.style.display = 'none';
    pre = el('form', { class: 'pre', 'data-testid': 'chat-prechat' });
    const name = el('input', { placeholder: t.name, 'aria-label': t.name, maxlength: '120', 'data-testid': 'chat-name' });
    const email = el('input', { type: 'email', placeholder: t.email, 'aria-label': t.email, maxlength: '254', 'data-testid': 'chat-email' });
    pre.append(name, ...(look.askEmail ? [email] : []), el('button', { class: 'primary', type: 'submit', 'data-testid': 'chat-start' }, t.start));
    pre.onsubmit = (e) => {
      e.preventDefault();
      void begin(name.value.trim() || undefined, email.value.trim() || undefined);
    };
    body.append(pre);
  };
  let started = false;
  bubble.onclick = () => {
    panel.classList.toggle('open');
    if (!panel.classList.contains('open') || started) return;
    started = true;
    if (identity) void begin();
    else if (client.hasSession) void client.start({ language }).then(showChat, preChat);
    else preChat();
  };
  close.onclick = () => panel.classList.remove('open');
  const submit = async () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    status.textContent = '';
    try {
      const m = await client.send(text);
      if (m) addMessage(m);
    } catch (err) {
      input.value = text;
      status.textContent = err instanceof HttpError && err.status === 429 ? t.tooFast : t.failed;
    }
  };
  send.onclick = () => void submit();
  input.onkeydown = (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };
  transcript.onclick = () =>
    void client.transcript().then(
      () => (status.textContent = t.transcriptSent),
      (err: HttpError) => (status.textContent = err.message),
    );
}

const current = document.currentScript as HTMLScriptElement | null;
const script = current ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-channel]');
if (script) {
  if (document.body) void mount(script);
  else document.addEventListener('DOMContentLoaded', () => void mount(script));
}
