// Deals offer their change history to whoever may see them (core audit's record history).
import { registerHistorySubject } from '../../../core/audit/record-history-registry.js';
import { getDeal } from './deal-repository.js';

registerHistorySubject('deal', {
  entities: ['deal'],
  ensureVisible: async (db, actor, id) => void (await getDeal(db, actor, id)),
});
