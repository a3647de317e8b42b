// Sends one agent reply out through its channel: a generic connector's webhook (signed like Rapport's webhooks) or
// Telegram's sendMessage. Every request goes through the outbound guard; the answer is read only as far as needed.
import type { Db } from '../../../core/db/database.js';
import { safeFetch } from '../../../core/net/safe-fetch.js';
import { signPayload, SIGNATURE_HEADER } from '../../data/index.js';
import { TELEGRAM_API } from './channel-schemas.js';
import type { ImConfig } from './manage-channels.js';
import { openSecret } from './channel-secrets.js';

export interface SendResult {
  status: number | null;
  problem: string | null;
  /** The platform's id of the sent message (Telegram's message_id), to thread later updates. */
  externalId?: string;
}

const MAX_ANSWER = 64 * 1024;

async function readBody(body: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

interface Outgoing {
  channel: { id: string; kind: string; secret: string | null; config: string };
  message: { id: string; bodyText: string; authorKind: string; createdAt: string };
  conversation: { id: string; externalThreadId: string | null };
}

/** The platform's thread id: the conversation key without the channel prefix. */
const threadOf = (o: Outgoing) => (o.conversation.externalThreadId ?? '').slice(o.channel.id.length + 1);

export async function sendToConnector(o: Outgoing): Promise<SendResult> {
  const config = JSON.parse(o.channel.config) as ImConfig;
  try {
    if (o.channel.kind === 'telegram') {
      const base = (config.apiBaseUrl ?? TELEGRAM_API).replace(/\/+$/, '');
      const res = await safeFetch(`${base}/bot${openSecret(config.botToken ?? '')}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: Number(threadOf(o)) || threadOf(o), text: o.message.bodyText }),
        maxBytes: MAX_ANSWER,
        timeoutMs: 10_000,
        maxRedirects: 0,
        field: 'config.apiBaseUrl',
      });
      const text = await readBody(res.body);
      const answer = (() => {
        try {
          return JSON.parse(text) as { ok?: boolean; description?: string; result?: { message_id?: number } };
        } catch {
          return null;
        }
      })();
      if (res.status === 200 && answer?.ok) return { status: res.status, problem: null, externalId: answer.result?.message_id !== undefined ? String(answer.result.message_id) : undefined };
      return { status: res.status, problem: `Telegram answered ${res.status}${answer?.description ? `: ${answer.description}` : ''}` };
    }
    if (!config.webhookUrl) return { status: null, problem: 'The channel has no webhook URL for replies' };
    const body = JSON.stringify({ type: 'message.sent', channelId: o.channel.id, conversationId: o.conversation.id, threadId: threadOf(o), messageId: o.message.id, authorKind: o.message.authorKind, text: o.message.bodyText, sentAt: o.message.createdAt });
    const res = await safeFetch(config.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Rapport-Channels/1', [SIGNATURE_HEADER]: signPayload(openSecret(o.channel.secret ?? ''), body) },
      body,
      maxBytes: MAX_ANSWER,
      timeoutMs: 10_000,
      maxRedirects: 0,
      field: 'config.webhookUrl',
    });
    res.body.destroy();
    return res.status >= 200 && res.status < 300 ? { status: res.status, problem: null } : { status: res.status, problem: `HTTP ${res.status}` };
  } catch (err) {
    return { status: null, problem: (err as Error).message };
  }
}

export type { Db };
