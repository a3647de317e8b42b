// Fills {{contact.displayName}}-style variables of an e-mail template from the record it is sent about.
export interface TemplateContext {
  contact?: { displayName?: string | null; givenName?: string | null; familyName?: string | null; email?: string | null; title?: string | null } | null;
  company?: { name?: string | null } | null;
  deal?: { name?: string | null } | null;
  ticket?: { number?: number | null; subject?: string | null } | null;
  user?: { name?: string | null; email?: string | null } | null;
}

/** The variables a template may use (shown in the template editor). */
export const templateVariables = [
  'contact.displayName',
  'contact.givenName',
  'contact.familyName',
  'contact.email',
  'contact.title',
  'company.name',
  'deal.name',
  'ticket.number',
  'ticket.subject',
  'user.name',
  'user.email',
] as const;

/** Unknown variables and missing values render empty; nothing is evaluated, only looked up. */
export function renderTemplate(text: string, ctx: TemplateContext): string {
  return text.replace(/\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*\}\}/g, (_m, obj: string, key: string) => {
    const source = (ctx as Record<string, Record<string, unknown> | null | undefined>)[obj];
    const v = source && Object.hasOwn(source, key) ? source[key] : undefined;
    return v === undefined || v === null ? '' : String(v);
  });
}
