// Article bodies are Markdown: rendered with raw HTML switched off (typed HTML shows as text) and markdown-it's link
// check (no javascript:, vbscript:, file: or non-image data: URLs), so the output is safe to put in a page as is.
import MarkdownIt, { type Token } from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Links leave the help centre without handing it the reader's session or the page as referrer.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(body: string): string {
  return md.render(body);
}

function collect(tokens: Token[], out: string[]): void {
  for (const t of tokens) {
    if (t.children) collect(t.children, out);
    else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'code_block' || t.type === 'fence') out.push(t.content);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
    if (t.block && t.nesting === -1) out.push('\n');
  }
}

/** The words of a body without Markdown syntax, paragraphs on their own lines (for search, ranking and snippets). */
export function markdownText(body: string): string {
  const out: string[] = [];
  collect(md.parse(body, {}), out);
  return out.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
}
