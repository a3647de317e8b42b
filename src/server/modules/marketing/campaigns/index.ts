// E-mail campaigns: what the marketing module's index registers and exports.
import './send-campaign.js';
import './ab-winner.js';
import './campaign-bounces.js';
import './campaign-complaints.js';
import './campaign-overview.js';
import './campaign-segment-fields.js';
import './campaign-contact-data.js';

export { campaignRoutes } from './campaign-routes.js';
export { trackingRoutes as campaignTrackingRoutes } from './tracking-routes.js';

