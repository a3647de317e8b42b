// Turns the web addresses in a chat message into links (a survey link, an article an agent pasted): only http(s)
// addresses become anchors, opened in a new tab without access to this page; everything else stays plain text.
const ADDRESS = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]]+$/;

export interface LinkPart {
  text: string;
  /** Set for an address that becomes a link (always http: or https:). */
  href?: string;
}

/** The message as runs of plain text and links, in order. */
export function linkParts(message: string): LinkPart[] {
  const parts: LinkPart[] = [];
  const plain = (text: string) => text && parts.push({ text });
  let last = 0;
  for (const m of message.matchAll(ADDRESS)) {
    const address = m[0].replace(TRAILING, '');
    const start = m.index ?? 0;
    plain(message.slice(last, start));
    let url: URL | null = null;
    try {
      url = new URL(address);
    } catch {
      url = null;
    }
    if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) parts.push({ text: address, href: url.href });
    else plain(address);
    last = start + address.length;
  }
  plain(message.slice(last));
  return parts;
}

export function linkified(message: string): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const p of linkParts(message)) {
    if (!p.href) {
      out.append(p.text);
      continue;
    }
    const a = document.createElement('a');
    a.href = p.href;
    a.textContent = p.text;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.setAttribute('data-testid', 'chat-link');
    out.append(a);
  }
  return out;
}
