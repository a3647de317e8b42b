// Tables of web tracking and forms: registered sites, the intake (batches stored as received, before processing),
// visitors, events (the raw events, kept for the retention), daily roll-ups, rejection counts, forms and submissions.
export interface WebSitesTable {
  id: string;
  name: string;
  /** The public key in the snippet (data-site). */
  siteKey: string;
  /** Encrypted (core secret box): signs identify calls from the site's backend (HMAC-SHA256). */
  secret: string;
  allowedOrigins: string; // JSON string[]
  /** 1: the snippet records nothing until the page calls rapport.consent(true). */
  requireConsent: number;
  enabled: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebIntakeTable {
  id: string;
  siteId: string;
  /** JSON { visitor, events[] } as accepted by the endpoint (already checked event by event). */
  payload: string;
  receivedAt: string;
  /** A worker's claim (ISO time it ends); null: waiting. */
  claimedUntil: string | null;
}

export interface WebVisitorsTable {
  id: string;
  siteId: string;
  /** The random id the browser keeps (first-party cookie / localStorage on the site). */
  visitorKey: string;
  contactId: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  identifiedAt: string | null;
}

export interface WebEventsTable {
  id: string;
  siteId: string;
  visitorId: string;
  contactId: string | null;
  kind: string; // page | click | event | identify | form
  name: string | null;
  url: string | null;
  path: string | null;
  title: string | null;
  referrer: string | null;
  utm: string | null; // JSON
  props: string | null; // JSON
  occurredAt: string;
  receivedAt: string;
}

export interface WebDailyTable {
  day: string;
  siteId: string;
  /** '' for visitors not linked to a contact. */
  contactId: string;
  kind: string;
  /** The page's path, or the event's or click's name. */
  key: string;
  count: number;
}

export interface WebRejectionsTable {
  /** '' when the site key was unknown. */
  siteId: string;
  day: string;
  reason: string;
  count: number;
}

export interface WebFormsTable {
  id: string;
  name: string;
  /** The site whose allowed origins may embed it (null: any site). */
  siteId: string | null;
  fields: string; // JSON FormField[]
  consentText: string | null;
  doubleOptIn: number;
  /** en | zh-CN: the confirmation e-mail's and pages' language. */
  language: string;
  submitLabel: string;
  successMessage: string;
  enabled: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebFormSubmissionsTable {
  id: string;
  formId: string;
  /** received → processed | spam | failed; confirmed_at once the double opt-in link was followed. */
  status: string;
  data: string; // JSON { fields, consent }
  context: string; // JSON { pageUrl, referrer, utm, visitorKey, siteId, baseUrl }
  contactId: string | null;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
  confirmedAt: string | null;
}

export interface WebTrackingTables {
  webSites: WebSitesTable;
  webIntake: WebIntakeTable;
  webVisitors: WebVisitorsTable;
  webEvents: WebEventsTable;
  webDaily: WebDailyTable;
  webRejections: WebRejectionsTable;
  webForms: WebFormsTable;
  webFormSubmissions: WebFormSubmissionsTable;
}
