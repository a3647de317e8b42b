// Journey enrolments in a contact's merge (moved to the survivor, back on undo), per-person export and erasure.
import { registerContactDataParticipant } from '../../customers/index.js';

registerContactDataParticipant({
  key: 'marketing.journeys',
  async exportFor(db, contactId) {
    const enrolments = await db.selectFrom('journeyEnrolments as e').innerJoin('journeys as j', 'j.id', 'e.journeyId').select(['e.id', 'j.name as journey', 'e.status', 'e.stepId', 'e.exitReason', 'e.enteredAt', 'e.finishedAt']).where('e.contactId', '=', contactId).orderBy('e.enteredAt').execute();
    const steps = await db.selectFrom('journeyStepRuns').select(['enrolmentId', 'stepId', 'outcome', 'detail', 'ranAt']).where('contactId', '=', contactId).orderBy('ranAt').execute();
    return enrolments.map((e) => ({ ...e, steps: steps.filter((s) => s.enrolmentId === e.id) }));
  },
  async reassign(db, fromId, toId) {
    const theirs = await db.selectFrom('journeyEnrolments').select(['id', 'journeyId', 'triggerRef']).where('contactId', '=', fromId).execute();
    const survivor = new Set((await db.selectFrom('journeyEnrolments').select(['journeyId', 'triggerRef']).where('contactId', '=', toId).execute()).map((e) => `${e.journeyId} ${e.triggerRef}`));
    // An enrolment the survivor has from the same trigger stays behind (and ends as 'contact removed').
    const ids = theirs.filter((e) => !survivor.has(`${e.journeyId} ${e.triggerRef}`)).map((e) => e.id);
    for (let i = 0; i < ids.length; i += 500) {
      await db.updateTable('journeyEnrolments').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
      await db.updateTable('journeyStepRuns').set({ contactId: toId }).where('enrolmentId', 'in', ids.slice(i, i + 500)).execute();
    }
    return ids;
  },
  async restore(db, ids, toId) {
    for (let i = 0; i < ids.length; i += 500) {
      await db.updateTable('journeyEnrolments').set({ contactId: toId }).where('id', 'in', ids.slice(i, i + 500)).execute();
      await db.updateTable('journeyStepRuns').set({ contactId: toId }).where('enrolmentId', 'in', ids.slice(i, i + 500)).execute();
    }
  },
  async erase(db, contactId) {
    const enrolments = db.selectFrom('journeyEnrolments').select('id').where('contactId', '=', contactId);
    await db.deleteFrom('journeyEmailEvents').where('enrolmentId', 'in', enrolments).execute();
    await db.deleteFrom('journeyWebhookCalls').where('enrolmentId', 'in', enrolments).execute();
    await db.deleteFrom('journeyStepRuns').where('contactId', '=', contactId).execute();
    const res = await db.deleteFrom('journeyEnrolments').where('contactId', '=', contactId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
});
