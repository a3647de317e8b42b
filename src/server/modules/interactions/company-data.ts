// The timeline's part in company merges: a merged company's interactions move to the survivor (and back on undo).
import { registerCompanyDataParticipant } from '../customers/index.js';

registerCompanyDataParticipant({
  key: 'interactions',
  async reassign(db, fromId, toId) {
    const rows = await db.selectFrom('interactions').select('id').where('companyId', '=', fromId).execute();
    if (rows.length) await db.updateTable('interactions').set({ companyId: toId }).where('companyId', '=', fromId).execute();
    return rows.map((r) => r.id);
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('interactions').set({ companyId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
  },
});
