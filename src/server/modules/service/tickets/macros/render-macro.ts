// Renders a macro for one ticket on the server: picks the English or Chinese text and fills {{contact.displayName}},
// {{ticket.number}}, {{agent.name}} … from the ticket as the agent may see it (a requester they cannot see renders
// empty). Unknown variables render empty and are listed, so the agent sees what did not fill.
import { z } from 'zod';
import type { Db } from '../../../../core/db/database.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { getTicketForActor } from '../ticket-repository.js';
import { getMacro, macroActions } from './macro-store.js';

export const macroVariables = [
  'contact.displayName', 'contact.givenName', 'contact.familyName', 'contact.email', 'company.name',
  'ticket.number', 'ticket.subject', 'ticket.status', 'ticket.priority',
  'agent.name', 'agent.email', 'team.name',
] as const;

export const renderedMacroSchema = z.object({ macroId: z.string(), language: z.enum(['en', 'zh-CN']), text: z.string(), actions: macroActions, missing: z.array(z.string()).describe('variables that had no value') });
export type RenderedMacro = z.infer<typeof renderedMacroSchema>;

/** Fills {{ name }} placeholders from values; returns the text and the names that had no value. */
export function fillTemplate(template: string, values: Record<string, string | null | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === null || v === undefined || v === '') {
      missing.add(name);
      return '';
    }
    return v;
  });
  return { text, missing: [...missing] };
}

export async function renderMacro(db: Db, actor: Actor, macroId: string, ticketId: string, lang?: 'en' | 'zh-CN'): Promise<RenderedMacro> {
  const macro = await getMacro(db, macroId);
  const ticket = await getTicketForActor(db, actor, ticketId);
  const language = lang ?? (ticket.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  const template = language === 'zh-CN' && macro.bodyZh ? macro.bodyZh : macro.bodyEn;
  // Only what the agent may see: the joined contact name is null when the requester is hidden from them.
  const contact = ticket.contactId && ticket.contactName !== null
    ? await db.kysely.selectFrom('contacts').select(['displayName', 'givenName', 'familyName', 'primaryEmail']).where('id', '=', ticket.contactId).executeTakeFirst()
    : undefined;
  const agent = await db.kysely.selectFrom('users').select(['name', 'email']).where('id', '=', actor.id).executeTakeFirst();
  const statusWords: Record<string, Record<string, string>> = {
    en: { new: 'new', open: 'open', pending: 'pending', on_hold: 'on hold', solved: 'solved', closed: 'closed', low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    'zh-CN': { new: '新建', open: '处理中', pending: '等待客户', on_hold: '挂起', solved: '已解决', closed: '已关闭', low: '低', normal: '普通', high: '高', urgent: '紧急' },
  };
  const words = statusWords[language]!;
  const { text, missing } = fillTemplate(template, {
    'contact.displayName': contact?.displayName,
    'contact.givenName': contact?.givenName,
    'contact.familyName': contact?.familyName,
    'contact.email': contact?.primaryEmail,
    'company.name': ticket.companyName,
    'ticket.number': `#${ticket.number}`,
    'ticket.subject': ticket.subject,
    'ticket.status': words[ticket.status],
    'ticket.priority': words[ticket.priority],
    'agent.name': agent?.name ?? actor.name,
    'agent.email': agent?.email,
    'team.name': ticket.teamName,
  });
  return { macroId, language, text, actions: macro.actions, missing };
}
