// Compiles a campaign's blocks once per campaign: variables become placeholders, MJML makes the responsive HTML,
// links are numbered for click tracking, and the open pixel and unsubscribe link get their own placeholders.
// Personalising a recipient's copy is then string replacement (render-message.ts), not an MJML run per recipient.
/// <reference path="./mjml.d.ts" />
import mjml2html from 'mjml';
import { AppError } from '../../../../core/errors.js';
import { blocksToMjml, blocksToText, type TemplateBlock } from './template-blocks.js';
import { extractVariables, type ParsedVariable } from './template-variables.js';

export interface CompiledTemplate {
  subject: string;
  /** The A/B test's other subject, when there is one. */
  subjectB?: string;
  html: string;
  text: string;
  variables: ParsedVariable[];
  /** Tracked links by index (RPLINK<i>X in the HTML). */
  links: string[];
}

export type CampaignLanguage = 'en' | 'zh-CN';

const footer: Record<CampaignLanguage, { why: string; unsubscribe: string }> = {
  en: { why: 'You receive this e-mail because you agreed to hear from us.', unsubscribe: 'Unsubscribe' },
  'zh-CN': { why: '您收到这封邮件，是因为您同意接收我们的消息。', unsubscribe: '退订' },
};

const decodeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function withPlaceholders(blocks: TemplateBlock[], variables: ParsedVariable[]): TemplateBlock[] {
  const ex = (s: string) => extractVariables(s, variables).text;
  const one = (b: any): any => {
    const out: any = { ...b };
    for (const k of ['text', 'href', 'src', 'alt']) if (typeof out[k] === 'string') out[k] = ex(out[k]);
    if (b.type === 'columns') {
      out.left = b.left.map(one);
      out.right = b.right.map(one);
    }
    return out;
  };
  return blocks.map(one);
}

export async function compileTemplate(input: { subject: string; subjectB?: string | null; preheader?: string | null; blocks: TemplateBlock[]; language: CampaignLanguage }): Promise<CompiledTemplate> {
  const variables: ParsedVariable[] = [];
  const subject = extractVariables(input.subject, variables).text;
  const subjectB = input.subjectB ? extractVariables(input.subjectB, variables).text : undefined;
  const preheader = input.preheader ? extractVariables(input.preheader, variables).text : null;
  const blocks = withPlaceholders(input.blocks, variables);
  const f = footer[input.language];
  const mjml = blocksToMjml(blocks, { preheader, language: input.language }).replace(
    '</mj-wrapper>',
    `</mj-wrapper><mj-section><mj-column><mj-text align="center" font-size="12px" color="#868e96">${f.why}<br/><a href="RPUNSUBX" style="color:#868e96">${f.unsubscribe}</a></mj-text></mj-column></mj-section>`,
  );
  const out = await mjml2html(mjml, { validationLevel: 'soft', keepComments: false });
  if (!out.html) throw new AppError('validation', 'The template could not be compiled');
  const links: string[] = [];
  let html = out.html.replace(/(<a\b[^>]*?\shref=")([^"]*)(")/gi, (m, pre: string, href: string, post: string) => {
    const url = decodeAttr(href);
    if (!/^https?:\/\//i.test(url) || url.includes('RPVAR')) return m;
    let i = links.indexOf(url);
    if (i < 0) i = links.push(url) - 1;
    return `${pre}RPLINK${i}X${post}`;
  });
  html = html.replace(/<\/body>/i, '<img src="RPOPENX" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0" /></body>');
  const text = `${blocksToText(blocks)}\n\n--\n${f.why}\n${f.unsubscribe}: RPUNSUBX\n`;
  return { subject, ...(subjectB && { subjectB }), html, text, variables, links };
}
