// What the campaigns feature offers to the app: the campaigns list, a campaign's editor and its report.
export { CampaignsListRoute } from './routes/campaigns-list';
export { CampaignEditRoute } from './routes/campaign-edit';
export { CampaignReportRoute } from './routes/campaign-report';
