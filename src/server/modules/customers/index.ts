// Customers: contacts, companies, tags, custom fields, search, and the 360° overview that modules contribute to.
import type { FastifyPluginAsync } from 'fastify';
import { contactRoutes } from './contact-routes.js';
import { bulkRoutes } from './bulk/bulk-routes.js';
import { companyRoutes } from './company-routes.js';
import { customFieldRoutes } from './custom-field-routes.js';
import { searchRoutes } from './search-routes.js';
import { consentRoutes } from './consent-routes.js';
import { savedViewRoutes } from './saved-view-routes.js';
import './consent-contact-data.js';
import './history-subjects.js';

import { customerMigrations as baseMigrations } from './migrations.js';
import { externalIdMigrations } from './migrations-external-id.js';
import { sourceFieldMigrations } from './migrations-source-fields.js';
import { consentMigrations } from './migrations-consent.js';
import { sortNameMigrations } from './migrations-sort-name.js';

export const customerMigrations = { ...baseMigrations, ...externalIdMigrations, ...sourceFieldMigrations, ...consentMigrations, ...sortNameMigrations };
export { getContact, findContactRow, listContacts } from './contact-repository.js';
export { sortName } from './sort-name.js';
export { getCompany, listCompanies } from './company-repository.js';
export { contactListQuery, companyListQuery } from './schemas.js';
export { listCustomFields, type CustomField } from './custom-fields.js';
export { loadTags } from './tags.js';
export { eraseContactRecord } from './erase-contact-record.js';
export { createContact, composeDisplayName, contactPhoneRegion } from './contact-service.js';
export { updateContact } from './contact-service.js';
export { setContactOwners } from './set-contact-owners.js';
export { findCompanyRow } from './company-repository.js';
export { createCompany } from './company-service.js';
export { registerOverviewContributor, type OverviewContributor, type Score } from './overview-registry.js';
export { searchDocument, shortGrams, gramsValue } from './search-index.js';
export { indexEntity, unindexEntity, searchPredicate } from './search-index.js';
export { registerSavedViewObject } from './saved-views.js';
export { registerSearchSection, type SearchHit } from './search-sections.js';
export { estimateCount, COUNT_CAP, type RecordCount } from './record-count.js';
export { lifecycleStages } from './tables.js';
export type { Contact, Company, ContactInput, CompanyInput } from './schemas.js';
export { contactInput, companyInput } from './schemas.js';
export { createCustomField } from './custom-fields.js';

export const customerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(contactRoutes);
  await app.register(bulkRoutes);
  await app.register(companyRoutes);
  await app.register(customFieldRoutes);
  await app.register(searchRoutes);
  await app.register(consentRoutes);
  await app.register(savedViewRoutes);
};
export { registerContactDataParticipant, contactDataParticipants, type ContactDataParticipant } from './contact-data-registry.js';
export { scanContactsForMatching, scanCompaniesForMatching, countContacts, loadContactRecords, readContact, removeContactRecord, restoreContactRecord, rewriteContactRecord, type ContactRecord } from './contact-merge-support.js';
export { registerCompanyDataParticipant, companyDataParticipants, type CompanyDataParticipant } from './company-data-registry.js';
export { loadCompanyRecords, readCompany, removeCompanyRecord, restoreCompanyRecord, rewriteCompanyRecord, moveCompanyContacts, returnCompanyContacts, type CompanyRecord } from './company-merge-support.js';
export { consentChannels, consentStatuses, mergeConsentState, mergeConsents, unknownConsent, sameState as sameConsentState, type Consent, type ConsentChannel, type ConsentState, type ConsentStatus } from './consent-rule.js';
export { consentColumns, consentEventRows, consentFromRow, writeConsentEvents, type ConsentEventRow } from './consent-store.js';
