// Journey e-mail text with variables: {{contact.givenName | "friend"}} takes the contact's value, or the fallback when
// it is empty. Known names: the contact's own fields (displayName, givenName, familyName, title, email, companyName,
// lifecycleStage, ownerName) and custom fields as contact.cf.<key>. Unknown names render as their fallback (or nothing).
import type { Contact } from '../../customers/index.js';

const VARIABLE = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g;

function valueOf(contact: Contact, name: string): unknown {
  const [root, key, sub] = name.split('.');
  if (root !== 'contact' || !key) return undefined;
  if (key === 'cf' && sub) return contact.customFields[sub];
  if (key === 'email') return contact.emails[0];
  const v = (contact as unknown as Record<string, unknown>)[key];
  return typeof v === 'object' ? undefined : v;
}

export function renderTemplate(text: string, contact: Contact): string {
  return text.replace(VARIABLE, (_m, name: string, fallback: string | undefined) => {
    const v = valueOf(contact, name);
    return v === undefined || v === null || v === '' ? (fallback ?? '') : String(v);
  });
}
