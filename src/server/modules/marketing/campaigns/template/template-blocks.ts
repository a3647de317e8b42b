// The structured block editor's model: headings, text, images, buttons, dividers, spacers and two-column rows,
// turned into MJML. Every piece of text is escaped; variables ({{contact.givenName | "朋友"}}) pass through as text.
import { z } from 'zod';

const text = z.string().max(20_000);
const url = z.string().trim().max(2000);
const align = z.enum(['left', 'center', 'right']).default('left');

const leafBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: text, level: z.union([z.literal(1), z.literal(2)]).default(1), align }),
  z.strictObject({ type: z.literal('text'), text: text, align }),
  z.strictObject({ type: z.literal('image'), src: url, alt: z.string().max(500).default(''), href: url.optional() }),
  z.strictObject({ type: z.literal('button'), text: z.string().max(200), href: url, color: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#228be6'), align: align.default('center') }),
  z.strictObject({ type: z.literal('divider') }),
  z.strictObject({ type: z.literal('spacer'), height: z.number().int().min(4).max(200).default(20) }),
]);
export const templateBlock = z.union([leafBlock, z.strictObject({ type: z.literal('columns'), left: z.array(leafBlock).max(20), right: z.array(leafBlock).max(20) })]);
export const templateBlocks = z.array(templateBlock).max(100);
export type TemplateBlock = z.infer<typeof templateBlock>;
type LeafBlock = z.infer<typeof leafBlock>;

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Web addresses written in escaped text become links (tracked like buttons); a closing full stop or comma stays text. */
const autolink = (escaped: string) => escaped.replace(/https?:\/\/(?:(?!&quot;|&lt;|&gt;|&#39;)[^\s<>"'])+/g, (url) => {
  const tail = /[.,;:!?)]+$/.exec(url)?.[0] ?? '';
  const href = url.slice(0, url.length - tail.length);
  return `<a href="${href}" style="color:#228be6">${href}</a>${tail}`;
});

/** Plain text with blank-line paragraphs and single-line breaks, escaped for mj-text. */
const paragraphs = (s: string) =>
  autolink(escapeXml(s))
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${p.replace(/\n/g, '<br/>')}</p>`)
    .join('');

/** Only web addresses become links (a variable may fill a part after the scheme): no javascript:, data: or relative URLs. */
export const safeHref = (href: string) => (/^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : '#');

function leaf(b: LeafBlock): string {
  switch (b.type) {
    case 'heading':
      return `<mj-text align="${b.align}" font-size="${b.level === 1 ? 26 : 20}px" font-weight="700" line-height="1.3">${escapeXml(b.text)}</mj-text>`;
    case 'text':
      return `<mj-text align="${b.align}" font-size="15px" line-height="1.6">${paragraphs(b.text)}</mj-text>`;
    case 'image':
      return `<mj-image src="${escapeXml(safeHref(b.src))}" alt="${escapeXml(b.alt)}"${b.href ? ` href="${escapeXml(safeHref(b.href))}"` : ''} />`;
    case 'button':
      return `<mj-button href="${escapeXml(safeHref(b.href))}" background-color="${b.color}" align="${b.align}" font-size="15px">${escapeXml(b.text)}</mj-button>`;
    case 'divider':
      return '<mj-divider border-width="1px" border-color="#dee2e6" />';
    case 'spacer':
      return `<mj-spacer height="${b.height}px" />`;
  }
}

/** The whole e-mail as MJML: one section per block (two columns side by side on wide screens, stacked on phones). */
export function blocksToMjml(blocks: TemplateBlock[], opts: { preheader?: string | null; language: string }): string {
  const body = blocks
    .map((b) =>
      b.type === 'columns'
        ? `<mj-section><mj-column>${b.left.map(leaf).join('')}</mj-column><mj-column>${b.right.map(leaf).join('')}</mj-column></mj-section>`
        : `<mj-section padding="0 0"><mj-column>${leaf(b)}</mj-column></mj-section>`,
    )
    .join('\n');
  const preview = opts.preheader ? `<mj-preview>${escapeXml(opts.preheader)}</mj-preview>` : '';
  return `<mjml lang="${escapeXml(opts.language)}"><mj-head>${preview}<mj-attributes><mj-all font-family="-apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif" /></mj-attributes></mj-head><mj-body background-color="#f1f3f5"><mj-wrapper background-color="#ffffff" padding="16px 8px">${body}</mj-wrapper></mj-body></mjml>`;
}

/** The plain-text part: what a reader without HTML sees. */
export function blocksToText(blocks: TemplateBlock[]): string {
  const one = (b: LeafBlock): string => {
    if (b.type === 'heading' || b.type === 'text') return b.text;
    if (b.type === 'button') return `${b.text}: ${b.href}`;
    if (b.type === 'image') return b.alt ? `[${b.alt}]` : '';
    if (b.type === 'divider') return '----';
    return '';
  };
  return blocks
    .flatMap((b) => (b.type === 'columns' ? [...b.left, ...b.right] : [b]))
    .map(one)
    .filter(Boolean)
    .join('\n\n');
}
