// The contact's 360° view gets a Journeys section: the journeys the contact is or was in, with where it is now.
import { registerOverviewContributor } from '../../customers/index.js';
import { contactJourneys } from './journey-enrolments.js';

registerOverviewContributor({
  key: 'journeys',
  title: 'Journeys',
  objects: ['contact'],
  omitWhenEmpty: true,
  async section(ctx, _object, id) {
    const list = await contactJourneys(ctx.db, ctx.actor, id);
    return list.slice(0, 10).map((e) => ({ id: e.id, name: e.journeyName, path: `/journeys/${e.journeyId}`, status: e.status, enteredAt: e.enteredAt }));
  },
});
