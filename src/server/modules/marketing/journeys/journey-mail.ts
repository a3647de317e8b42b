// A journey e-mail as campaigns make theirs: the step's subject and text compiled once by the campaigns' MJML template
// (escaped text, web addresses as tracked links, the footer with the unsubscribe link), then filled for the contact
// by the same safe variable renderer, with the open pixel, click and unsubscribe links signed under /mail/*.
import type { Contact } from '../../customers/index.js';
import { compileTemplate, type CampaignLanguage, type CompiledTemplate } from '../campaigns/template/compile-template.js';
import { renderMessage, type RenderedMessage } from '../campaigns/template/render-message.js';
import type { TemplateValues } from '../campaigns/template/template-variables.js';
import { journeyTrackingUrls } from '../campaigns/tracking-tokens.js';

/** The mail outbox's kind for journey e-mails (their refId is `<enrolment>:<step>`). */
export const JOURNEY_MAIL_KIND = 'journey.email';

const compiled = new Map<string, Promise<CompiledTemplate>>();
const CACHE_SIZE = 200;

/** Chinese in the subject or text gives the Chinese footer and unsubscribe page; anything else English. */
export const journeyMailLanguage = (subject: string, body: string): CampaignLanguage => (/[\u3400-\u9fff]/.test(subject + body) ? 'zh-CN' : 'en');

/** The step's template, compiled once per distinct subject and text (MJML is far slower than filling placeholders). */
export function compiledJourneyMail(subject: string, body: string): Promise<CompiledTemplate> {
  const key = `${subject}\u0000${body}`;
  let hit = compiled.get(key);
  if (!hit) {
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
    hit = compileTemplate({ subject, blocks: [{ type: 'text', text: body, align: 'left' }], language: journeyMailLanguage(subject, body) });
    hit.catch(() => compiled.delete(key));
    compiled.set(key, hit);
  }
  return hit;
}

/** The values a journey e-mail can name: the contact's own scalar fields and its custom fields as contact.cf.<key>. */
export function journeyMailValues(contact: Contact): TemplateValues {
  const values: TemplateValues = { 'contact.email': contact.emails[0] ?? null, 'contact.name': contact.displayName };
  for (const [k, v] of Object.entries(contact)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) values[`contact.${k}`] = v === null ? null : String(v);
  for (const [k, v] of Object.entries(contact.customFields ?? {})) if (v !== null && typeof v !== 'object') values[`contact.cf.${k}`] = String(v);
  return values;
}

export interface JourneyMail extends RenderedMessage {
  unsubscribeUrl: string;
}

export async function renderJourneyMail(step: { id: string; subject: string; body: string }, enrolmentId: string, contact: Contact): Promise<JourneyMail> {
  const urls = journeyTrackingUrls(enrolmentId, step.id);
  const message = renderMessage(await compiledJourneyMail(step.subject, step.body), journeyMailValues(contact), urls);
  return { ...message, unsubscribeUrl: urls.unsubscribe };
}
