// Message-ID helpers: new ids for mail we send, and the id lists of In-Reply-To / References as received.
import { newId } from '../../../core/ids.js';

export const newMessageId = (domain: string): string => `<${newId()}@${domain.replace(/[^a-zA-Z0-9.-]/g, '') || 'rapport.local'}>`;

/** Every <id> in a header value (mailparser gives a string or a list); bare ids get their brackets back. */
export function idList(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const found = text.match(/<[^<>\s]+>/g);
  if (found) return [...new Set(found)];
  return text
    .split(/\s+/)
    .filter((s) => s.includes('@'))
    .map((s) => `<${s}>`);
}
