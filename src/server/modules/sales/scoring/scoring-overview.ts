// The lead score in the 360° view: a 'leadScore' score entry and a 'leadScoring' section listing the rules behind it.
import { registerOverviewContributor } from '../../customers/index.js';
import { readLeadScore } from './lead-score-view.js';

registerOverviewContributor({
  key: 'leadScoring',
  title: 'Lead scoring',
  objects: ['contact'],
  async section(ctx, _object, id) {
    const score = await readLeadScore(ctx.db.kysely, id);
    return score ? score.breakdown : [];
  },
  async scores(ctx, _object, id) {
    const score = await readLeadScore(ctx.db.kysely, id);
    return score ? [{ key: 'leadScore', label: 'Lead score (rules)', value: score.value, max: 100 }] : [];
  },
});
