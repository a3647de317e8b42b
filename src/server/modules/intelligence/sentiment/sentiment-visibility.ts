// Which stored sentiment results (alias sr) an actor may see: those whose item the actor may see, kind by kind.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../../db-schema.js';
import { visibleTo, type Actor } from '../../../core/auth/actor.js';
import { contactOrCompanyVisibleTo } from '../../../core/auth/record-scope.js';

export function sentimentVisible(eb: ExpressionBuilder<Database, 'sentiment_results'>, actor: Actor): Expression<SqlBool> {
  if (actor.visibility === 'all') return eb.lit(true) as unknown as Expression<SqlBool>;
  const e = eb as unknown as ExpressionBuilder<Database, never>;
  const item = (kind: string) => eb('sentiment_results.itemKind', '=', kind as never);
  return eb.or([
    eb.and([item('message'), e.exists(e.selectFrom('messages as vm').innerJoin('conversations as vcv', 'vcv.id', 'vm.conversationId').select('vm.id').whereRef('vm.id', '=', 'sentiment_results.itemId' as never).where((s) => visibleTo(s, actor, 'vcv.assigneeId', 'vcv.teamId')))]),
    eb.and([item('interaction'), e.exists(e.selectFrom('interactions as vi').select('vi.id').whereRef('vi.id', '=', 'sentiment_results.itemId' as never).where((s) => contactOrCompanyVisibleTo(s, actor, 'vi.contactId', 'vi.companyId')))]),
    eb.and([item('ticket_event'), e.exists(e.selectFrom('ticket_events as vte').innerJoin('tickets as vt', 'vt.id', 'vte.ticketId').select('vte.id').whereRef('vte.id', '=', 'sentiment_results.itemId' as never).where((s) => visibleTo(s, actor, 'vt.assigneeId', 'vt.teamId')))]),
    eb.and([item('survey'), e.exists(e.selectFrom('surveys as vs').innerJoin('tickets as vst', 'vst.id', 'vs.ticketId').select('vs.id').whereRef('vs.id', '=', 'sentiment_results.itemId' as never).where((s) => visibleTo(s, actor, 'vst.assigneeId', 'vst.teamId')))]),
  ]);
}
