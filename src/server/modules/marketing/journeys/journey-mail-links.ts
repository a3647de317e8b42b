// Signed open and click links of journey e-mails, so a branch can ask "opened / clicked the previous e-mail". A token
// is enrolment.step[.link].HMAC under the journey's own secret; the click target is looked up by its index in the
// step's text, so a forged or altered link is refused and never sent to an arbitrary address.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parsePublicUrl } from '../../../core/config.js';

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`journey-mail:${payload}`).digest('base64url').slice(0, 24);

export function mailToken(secret: string, enrolmentId: string, stepId: string, link?: number): string {
  const payload = link === undefined ? `${enrolmentId}.${stepId}` : `${enrolmentId}.${stepId}.${link}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The parts of a token, unverified (the caller loads the journey's secret and calls verifyMailToken). */
export function parseMailToken(token: string): { enrolmentId: string; stepId: string; link: number | null; sig: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{1,40})(?:\.(\d{1,3}))?\.([A-Za-z0-9_-]{24})$/.exec(token);
  return m ? { enrolmentId: m[1]!, stepId: m[2]!, link: m[3] === undefined ? null : Number(m[3]), sig: m[4]! } : null;
}

export function verifyMailToken(secret: string, t: { enrolmentId: string; stepId: string; link: number | null; sig: string }): boolean {
  const payload = t.link === null ? `${t.enrolmentId}.${t.stepId}` : `${t.enrolmentId}.${t.stepId}.${t.link}`;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(t.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const linksIn = (text: string): string[] => text.match(URL_IN_TEXT) ?? [];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function publicBase(): string {
  return (parsePublicUrl(process.env.RAPPORT_PUBLIC_URL) ?? `http://localhost:${process.env.PORT ?? 3000}/`).replace(/\/+$/, '');
}

/** The HTML part of a journey e-mail: the text escaped, its links tracked, and an open pixel. */
export function trackedHtml(text: string, secret: string, enrolmentId: string, stepId: string): string {
  const base = `${publicBase()}/api/v1/journey-mail`;
  let i = 0;
  const parts = text.split(URL_IN_TEXT);
  const links = linksIn(text);
  const html = parts.map((p, n) => escapeHtml(p) + (n < links.length ? `<a href="${base}/click/${mailToken(secret, enrolmentId, stepId, i++)}">${escapeHtml(links[n]!)}</a>` : '')).join('');
  return `<div style="font-family:sans-serif;white-space:pre-wrap">${html}</div><img src="${base}/open/${mailToken(secret, enrolmentId, stepId)}" width="1" height="1" alt="">`;
}
