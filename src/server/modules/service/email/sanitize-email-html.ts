// Makes received HTML mail safe to show: an allow-list of tags and attributes (sanitize-html), no scripts, event
// handlers, forms or frames, no CSS that can fetch; remote images are held back (data-remote-src) until the agent
// asks to see them, so opening a mail does not tell the sender; inline cid: images point at the kept attachment.
import sanitizeHtml from 'sanitize-html';

export interface SanitizeOptions {
  showImages?: boolean;
  /** The URL of an inline image's attachment, by its Content-ID (null: drop it). */
  cidUrl?: (cid: string) => string | null;
}

const safeCss = /^[^()\\;:<>"]*$/; // values without url(), expression() or escapes
const styles = ['color', 'background-color', 'text-align', 'font-weight', 'font-style', 'font-size', 'font-family', 'text-decoration', 'line-height', 'padding', 'padding-left', 'padding-right', 'padding-top', 'padding-bottom', 'margin', 'margin-left', 'margin-right', 'margin-top', 'margin-bottom', 'border', 'border-collapse', 'border-color', 'border-width', 'border-style', 'width', 'height', 'max-width', 'vertical-align', 'white-space', 'display'];

export function sanitizeEmailHtml(html: string, opts: SanitizeOptions = {}): { html: string; blockedImages: number } {
  let blockedImages = 0;
  const out = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'span', 'div', 'u', 's', 'small', 'big', 'sub', 'sup', 'del', 'ins'],
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': ['style', 'align', 'valign', 'width', 'height', 'dir', 'lang', 'title', 'bgcolor', 'color'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'data-remote-src', 'width', 'height'],
      font: ['face', 'size', 'color'],
      table: ['border', 'cellpadding', 'cellspacing'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ol: ['start', 'type'],
    },
    allowedStyles: { '*': Object.fromEntries(styles.map((s) => [s, [safeCss]])) },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? '').trim();
        const { src: _drop, ...rest } = attribs;
        if (/^cid:/i.test(src)) {
          const url = opts.cidUrl?.(src.slice(4).replace(/^<|>$/g, ''));
          return { tagName, attribs: url ? { ...rest, src: url } : rest };
        }
        if (/^data:image\/(png|gif|jpe?g|webp);/i.test(src)) return { tagName, attribs: { ...rest, src } };
        if (/^https?:\/\//i.test(src)) {
          if (opts.showImages) return { tagName, attribs: { ...rest, src } };
          blockedImages++;
          return { tagName, attribs: { ...rest, 'data-remote-src': src } };
        }
        return { tagName, attribs: rest };
      },
    },
    // Nothing of these survives, not even their text.
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math'],
  });
  return { html: out, blockedImages };
}
