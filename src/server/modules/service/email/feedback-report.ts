// Complaint (feedback) reports, RFC 5965 ARF: a multipart/report; report-type=feedback-report with a
// message/feedback-report part (Feedback-Type, Original-Rcpt-To, …) and the original message (message/rfc822) or its
// headers (text/rfc822-headers). mailparser folds an inline message/rfc822 into the text and drops its Message-ID,
// so the parts are read from the raw bytes here. The report is hostile input: sizes and part counts are bounded.
import { idList } from './message-ids.js';

export interface FeedbackReport {
  /** abuse, fraud, other, virus, not-spam, auth-failure, … (lower-case; 'abuse' when the part does not say). */
  feedbackType: string;
  /** Message-IDs of the reported original (normally one). */
  originalIds: string[];
  /** Who complained: Original-Rcpt-To, else the original's To (lower-case addresses). */
  recipients: string[];
  /** The URLs of the original's List-Unsubscribe header (our signed /mail/u links). */
  unsubscribeUrls: string[];
  userAgent: string | null;
}

/** Reports that are a recipient's complaint; not-spam, auth-failure (RFC 6591) and virus reports are not. */
export const isComplaint = (r: FeedbackReport) => ['abuse', 'fraud', 'other'].includes(r.feedbackType);

const MAX_PARTS = 20;
const MAX_DEPTH = 3;
const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;

interface Part {
  headers: Map<string, string[]>;
  body: string;
}

/** Header lines (unfolded) up to the first empty line, and what follows. */
function splitPart(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), m[2]!.trim()]);
  }
  return { headers, body };
}

const first = (p: Part, name: string) => p.headers.get(name)?.[0] ?? '';
const mediaType = (p: Part) => (first(p, 'content-type').split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';
const param = (value: string, name: string) => new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1, 3).find((v) => v !== undefined) ?? null;

function decoded(p: Part): string {
  const cte = first(p, 'content-transfer-encoding').toLowerCase();
  if (cte === 'base64') return Buffer.from(p.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
  if (cte === 'quoted-printable') return p.body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return p.body;
}

function children(p: Part): Part[] {
  const boundary = param(first(p, 'content-type'), 'boundary');
  if (!boundary) return [];
  const chunks = decoded(p).split(`--${boundary}`);
  // chunks[0] is the preamble; a chunk starting with "--" is the closing delimiter.
  return chunks.slice(1, MAX_PARTS + 1).filter((c) => !c.startsWith('--')).map((c) => splitPart(c.replace(/^[ \t]*\r?\n/, '')));
}

/** The multipart/report; report-type=feedback-report part, at the top or inside a forwarding multipart. */
function reportPart(p: Part, depth = 0): Part | null {
  const type = mediaType(p);
  if (type === 'multipart/report' && param(first(p, 'content-type'), 'report-type')?.toLowerCase() === 'feedback-report') return p;
  if (!type.startsWith('multipart/') || depth >= MAX_DEPTH) return null;
  for (const c of children(p)) {
    const hit = reportPart(c, depth + 1);
    if (hit) return hit;
  }
  return null;
}

const addressesIn = (values: string[]) => [...new Set(values.flatMap((v) => v.slice(0, 2000).match(ADDRESS) ?? []).map((a) => a.toLowerCase()))].slice(0, 10);

/** The feedback report in a raw message, or null when it is not one. */
export function readFeedbackReport(raw: Buffer): FeedbackReport | null {
  const top = splitPart(raw.toString('latin1'));
  const report = reportPart(top);
  if (!report) return null;
  const parts = children(report);
  const feedback = parts.find((c) => mediaType(c) === 'message/feedback-report');
  if (!feedback) return null;
  const fields = splitPart(decoded(feedback).replace(/^\s+/, ''));
  const original = parts.find((c) => /^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers|message\/global|message\/global-headers)$/.test(mediaType(c)));
  const headers = original ? splitPart(decoded(original).replace(/^\s+/, '')) : null;
  const rcptTo = addressesIn(fields.headers.get('original-rcpt-to') ?? []);
  const unsubscribe = headers?.headers.get('list-unsubscribe') ?? [];
  return {
    feedbackType: (first(fields, 'feedback-type').split(/[\s;]/)[0] || 'abuse').toLowerCase().slice(0, 40),
    originalIds: idList(headers?.headers.get('message-id') ?? []).slice(0, 5),
    recipients: rcptTo.length ? rcptTo : addressesIn(headers?.headers.get('to') ?? []),
    unsubscribeUrls: unsubscribe.flatMap((v) => [...v.matchAll(/<(https?:\/\/[^>\s]{1,500})>/gi)].map((m) => m[1]!)).slice(0, 5),
    userAgent: first(fields, 'user-agent').slice(0, 200) || null,
  };
}
