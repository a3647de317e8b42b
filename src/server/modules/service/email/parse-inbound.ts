// Turns a stored raw e-mail (inbound_raw payload) into what the processor needs; input that is not an e-mail is
// rejected with a reason (InboundRejected), never a crash.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { InboundRejected } from '../conversations/inbound-store.js';
import { idList } from './message-ids.js';

/** Largest raw message accepted (RAPPORT_EMAIL_MAX_MB, default 25 MB). */
export const rawMessageLimit = (): number => Math.round(Number(process.env.RAPPORT_EMAIL_MAX_MB ?? 25) * 1024 * 1024);

export interface InboundEmailPayload {
  /** The message as received, base64 (mail may carry 8-bit bytes a text column cannot). */
  raw: string;
  via: 'imap' | 'smtp' | 'api';
  uid?: number;
  mailbox?: string;
}

export const emailPayload = (raw: Buffer, via: InboundEmailPayload['via'], extra: Partial<InboundEmailPayload> = {}): string =>
  JSON.stringify({ raw: raw.toString('base64'), via, ...extra } satisfies InboundEmailPayload);

export interface InboundEmail {
  /** The message as received (for parts mailparser folds away, such as a report's embedded original). */
  raw: Buffer;
  parsed: ParsedMail;
  messageId: string;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  to: string[];
  cc: string[];
  subject: string;
  inReplyTo: string[];
  references: string[];
  text: string;
  html: string | null;
  attachments: Attachment[];
  header(name: string): string;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.flatMap((v) => (v.group ? v.group : [v]))).filter((v) => v.address).map((v) => ({ address: v.address!.toLowerCase(), name: v.name }));

function headerText(parsed: ParsedMail, name: string): string {
  const v = parsed.headers.get(name.toLowerCase());
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in (v as object)) return String((v as { value: unknown }).value ?? '');
  return String(v);
}

export async function parseInboundEmail(payload: string): Promise<InboundEmail> {
  let p: InboundEmailPayload;
  try {
    p = JSON.parse(payload) as InboundEmailPayload;
  } catch {
    throw new InboundRejected('The stored e-mail payload is not valid JSON.');
  }
  if (typeof p?.raw !== 'string') throw new InboundRejected('The stored e-mail payload has no raw message.');
  const raw = Buffer.from(p.raw, 'base64');
  if (raw.length > rawMessageLimit()) throw new InboundRejected(`The message is larger than ${Math.round(rawMessageLimit() / 1024 / 1024)} MB.`);
  // A message starts with header lines ("Name: value"); anything else is not mail.
  const head = raw.subarray(0, 2000).toString('latin1');
  if (!/^[!-9;-~]+:/.test(head.replace(/^\s+/, ''))) throw new InboundRejected('Malformed message: it does not start with mail headers.');
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  } catch (err) {
    throw new InboundRejected(`Malformed MIME: ${(err as Error).message}`.slice(0, 300));
  }
  const from = addresses(parsed.from)[0];
  if (!from) throw new InboundRejected('Malformed message: no From address.');
  const messageId = idList(parsed.messageId)[0] ?? `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@inbound.rapport>`;
  return {
    raw,
    parsed,
    messageId,
    fromAddress: from.address,
    fromName: from.name || null,
    replyTo: addresses(parsed.replyTo)[0]?.address ?? null,
    to: addresses(parsed.to).map((a) => a.address),
    cc: addresses(parsed.cc).map((a) => a.address),
    subject: (parsed.subject ?? '').trim(),
    inReplyTo: idList(parsed.inReplyTo),
    references: idList(parsed.references),
    text: (parsed.text ?? '').trim(),
    html: typeof parsed.html === 'string' && parsed.html ? parsed.html : null,
    attachments: parsed.attachments ?? [],
    header: (name) => headerText(parsed, name),
  };
}
