// Test helpers of campaigns: contacts with or without e-mail consent, a segment over a tag, a campaign with a
// variable, a link and hostile text, and the tracking links read back from a delivered message.
import { simpleParser } from 'mailparser';
import { startSmtpPeer, type SmtpPeer } from '../../../test/smtp-peer.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { processInbound, storeInbound } from '../../service/index.js';
import { resetTrackingLimits } from './tracking-routes.js';

export const api = (t: TestApp, method: string, url: string, body?: unknown, who?: Record<string, string>) => t.json(method, `/api/v1${url}`, who ?? t.admin, body);

export async function addContact(t: TestApp, tag: string, name: { givenName?: string; displayName: string }, email: string, consent: 'granted' | 'withdrawn' | 'unknown') {
  const res = await api(t, 'POST', '/contacts', { ...name, emails: [email], tags: [tag], consent: { email: consent } });
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function tagSegment(t: TestApp, tag: string): Promise<string> {
  const res = await api(t, 'POST', '/segments', { name: `Tag ${tag}`, rules: { combinator: 'and', children: [{ field: 'tags', operator: 'any_of', value: [tag] }] } });
  if (res.status !== 201) throw new Error(`segment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export const campaignBlocks = [
  { type: 'heading', text: 'Hello {{contact.givenName | "朋友"}}!' },
  { type: 'text', text: 'Our <script>alert(1)</script> sale starts now.\n\nSee you soon.' },
  { type: 'button', text: 'Shop', href: 'https://shop.example/sale?x=1&y=2' },
  { type: 'divider' },
  { type: 'text', text: 'Read more: see the button above.' },
];

export async function newCampaign(t: TestApp, segmentId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api(t, 'POST', '/campaigns', { name: 'Spring sale', segmentId, subject: 'Hi {{contact.givenName | "there"}}, spring sale', blocks: campaignBlocks, throttlePerMinute: 6000, cost: 1000, currency: 'CNY', ...extra });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface Delivered {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** The raw header block, unfolded. */
  head: string;
  links: { open: string; click: string[]; unsubscribe: string };
}

export async function readDelivered(m: { to: string[]; raw: string }): Promise<Delivered> {
  const p = await simpleParser(m.raw);
  const html = String(p.html || '');
  const path = (u: string) => new URL(u).pathname;
  return {
    to: m.to[0]!,
    subject: p.subject ?? '',
    html,
    text: p.text ?? '',
    messageId: p.messageId ?? '',
    head: m.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '),
    links: {
      open: path(/src="([^"]*\/mail\/o\/[^"]+)"/.exec(html)![1]!),
      click: [...html.matchAll(/href="([^"]*\/mail\/c\/[^"]+)"/g)].map((x) => path(x[1]!)),
      unsubscribe: path(/href="([^"]*\/mail\/u\/[^"]+)"/.exec(html)![1]!),
    },
  };
}

/** An app whose marketing mail goes to a real local SMTP peer (allowed by the outbound policy), with public links on
 * https://crm.example and fresh tracking rate limits. */
export async function startCampaignTestApp(): Promise<{ t: TestApp; peer: SmtpPeer; close(): Promise<void> }> {
  const peer = await startSmtpPeer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${peer.port}`;
  process.env.SMTP_FROM = 'Rapport Shop <news@shop.example>';
  process.env.RAPPORT_PUBLIC_URL = 'https://crm.example';
  const t = await startTestApp({ outboundAllow: '127.0.0.1' });
  resetTrackingLimits();
  return { t, peer, close: async () => { await t.close(); await peer.close(); } };
}

/** An e-mail (a bounce or complaint report) through the same path as mail from a mailbox or the SMTP receiver:
 * stored raw first, then processed. */
export async function receiveInboundEmail(t: TestApp, raw: string) {
  const id = await storeInbound(t.app.db, 'email', null, JSON.stringify({ raw: Buffer.from(raw).toString('base64'), via: 'smtp' }));
  return processInbound(t.app.db, id);
}
