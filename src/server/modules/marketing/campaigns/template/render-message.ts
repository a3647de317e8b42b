// A recipient's own copy of a compiled campaign: tracking URLs for its links, pixel and unsubscribe link first, then
// the contact's values in the variables (HTML-escaped in the HTML part).
import { fillPlaceholders, type TemplateValues } from './template-variables.js';
import type { CompiledTemplate } from './compile-template.js';

export interface RecipientUrls {
  open: string;
  unsubscribe: string;
  link(index: number): string;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

export function renderMessage(t: CompiledTemplate, values: TemplateValues, urls: RecipientUrls, subject: 'a' | 'b' = 'a'): RenderedMessage {
  const html = t.html
    .replace(/RPLINK(\d+)X/g, (_m, i: string) => urls.link(Number(i)))
    .replace('RPOPENX', urls.open)
    .replace(/RPUNSUBX/g, urls.unsubscribe);
  return {
    subject: fillPlaceholders(subject === 'b' && t.subjectB ? t.subjectB : t.subject, t.variables, values, false).replace(/[\r\n]+/g, ' '),
    html: fillPlaceholders(html, t.variables, values, true),
    text: fillPlaceholders(t.text.replace(/RPUNSUBX/g, urls.unsubscribe), t.variables, values, false),
  };
}

/** The values a template can name for one contact. */
export function contactValues(c: { givenName: string | null; familyName: string | null; displayName: string; primaryEmail: string | null; title?: string | null }, campaignName: string): TemplateValues {
  return {
    'contact.givenName': c.givenName,
    'contact.familyName': c.familyName,
    'contact.displayName': c.displayName,
    'contact.name': c.displayName,
    'contact.email': c.primaryEmail,
    'contact.title': c.title ?? null,
    'campaign.name': campaignName,
  };
}
