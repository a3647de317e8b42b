// Preview of a template as a chosen contact (their values in the variables; untracked links) and a test send to any
// address through the outgoing mail queue, marked "[Test]".
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db/database.js';
import { queueMail } from '../../../core/mail/mail-outbox.js';
import { getContact } from '../../customers/index.js';
import { findCampaign } from './campaign-service.js';
import { compileTemplate, type CampaignLanguage } from './template/compile-template.js';
import { blocksToMjml, type TemplateBlock } from './template/template-blocks.js';
import { contactValues, renderMessage } from './template/render-message.js';
import { templateBlocks } from './template/template-blocks.js';

interface PreviewInput {
  subject: string;
  preheader?: string | null;
  blocks: TemplateBlock[];
  language: CampaignLanguage;
  contactId?: string;
  campaignName?: string;
}

export async function previewTemplate(db: Db, actor: Actor, input: PreviewInput) {
  const compiled = await compileTemplate(input);
  const contact = input.contactId ? await getContact(db, actor, input.contactId) : null;
  const values = contact ? contactValues({ ...contact, primaryEmail: contact.emails[0] ?? null }, input.campaignName ?? '') : {};
  const msg = renderMessage(compiled, values, { open: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', unsubscribe: '#unsubscribe', link: (i) => compiled.links[i] ?? '#' });
  return { ...msg, mjml: blocksToMjml(input.blocks, { preheader: input.preheader, language: input.language }) };
}

export async function testSendCampaign(db: Db, actor: Actor, id: string, to: string, contactId?: string): Promise<{ queued: true }> {
  const c = await findCampaign(db, id);
  const msg = await previewTemplate(db, actor, { subject: c.subject, preheader: c.preheader, blocks: templateBlocks.parse(JSON.parse(c.blocks)), language: c.language, contactId, campaignName: c.name });
  await queueMail(db.kysely, { to, subject: `[Test] ${msg.subject}`, body: msg.text, html: msg.html, kind: 'campaign.test' });
  return { queued: true };
}
