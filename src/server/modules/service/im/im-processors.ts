// Inbound processors of the IM channels: a generic connector's signed JSON and a Telegram Update, each stored raw
// by the route first, then turned into a customer message in the channel's conversation for that chat.
import type { Db } from '../../../core/db/database.js';
import { InboundRejected, registerInboundProcessor } from '../conversations/inbound-store.js';
import { appendMessage } from '../conversations/append-message.js';
import { genericInbound } from './channel-schemas.js';
import { matchImSender } from './im-contact.js';
import { telegramUpdate } from './telegram-update.js';
import './im-outbound.js';

export const GENERIC_SOURCE = 'generic';
export const TELEGRAM_SOURCE = 'telegram';

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    throw new InboundRejected('The body is not valid JSON.');
  }
}

async function channelOf(db: Db, id: string | null) {
  const ch = id ? await db.kysely.selectFrom('service_channels').select(['id', 'teamId']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!ch) throw new InboundRejected('The channel no longer exists.');
  return ch;
}

const languageOf = (code: string | undefined) => (!code ? null : code.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

registerInboundProcessor(GENERIC_SOURCE, async (db, raw) => {
  const parsed = genericInbound.safeParse(parseJson(raw.payload));
  if (!parsed.success) throw new InboundRejected(`The message is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  const m = parsed.data;
  const channel = await channelOf(db, raw.channelId);
  const contactId = await matchImSender(db, m.sender);
  await appendMessage(
    db,
    { channelKind: 'im', channelId: channel.id, externalThreadId: `${channel.id}:${m.threadId}`, contactId, subject: m.sender?.name ?? m.threadId, language: languageOf(m.language), teamId: channel.teamId },
    { direction: 'in', authorKind: 'contact', authorId: contactId, bodyText: m.text, externalId: m.messageId, headers: { sender: m.sender ?? null, sentAt: m.sentAt ?? null, inboundId: raw.id } },
  );
});

registerInboundProcessor(TELEGRAM_SOURCE, async (db, raw) => {
  const parsed = telegramUpdate.safeParse(parseJson(raw.payload));
  if (!parsed.success) throw new InboundRejected(`The Telegram update is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  const msg = parsed.data.message;
  // Edits, channel posts, stickers without text…: accepted (so Telegram stops resending) and kept raw, not a message.
  const text = msg?.text ?? msg?.caption;
  if (!msg || text === undefined) return;
  const channel = await channelOf(db, raw.channelId);
  const from = msg.from;
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ') || msg.chat.title || String(msg.chat.id);
  await appendMessage(
    db,
    { channelKind: 'im', channelId: channel.id, externalThreadId: `${channel.id}:${msg.chat.id}`, subject: from?.username ? `${name} (@${from.username})` : name, language: languageOf(from?.language_code), teamId: channel.teamId },
    { direction: 'in', authorKind: 'contact', bodyText: text, externalId: String(msg.message_id), headers: { telegram: { chatId: msg.chat.id, from: from ?? null, updateId: parsed.data.update_id }, inboundId: raw.id }, createdAt: new Date(msg.date * 1000).toISOString() },
  );
});
