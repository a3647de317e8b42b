// zod schemas of contacts and companies: requests, responses and list queries (they also make the OpenAPI).
import { z } from 'zod';
import { listQueryBase } from '../../core/pagination.js';
import { lifecycleStages } from './tables.js';
import { consentStatuses } from './consent-rule.js';

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();
export const emailValue = z.string().trim().toLowerCase().pipe(z.email('not a valid email address'));

export const addressSchema = z.strictObject({
  street: optText(200),
  city: optText(100),
  region: optText(100),
  postalCode: optText(20),
  country: optText(100),
});
export const tagsSchema = z.array(text(50).min(1)).max(50);
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

export const contactInput = z.strictObject({
  displayName: text(200).min(1).optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  givenName: optText(100),
  familyName: optText(100),
  title: optText(200),
  companyId: z.string().max(100).nullable().optional(),
  emails: z.array(emailValue).max(10).optional(),
  phones: z.array(text(40).min(1)).max(10).optional(),
  /** Numbers kept as typed by an import because they are not valid for their country; send [] once they are fixed. */
  rawPhones: z.array(text(40).min(1)).max(10).optional(),
  address: addressSchema.nullable().optional(),
  birthday: dateOnly.nullable().optional(),
  source: optText(100),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  ownerId: z.string().max(100).nullable().optional(),
  tags: tagsSchema.optional(),
  /** Per channel a status, or the old boolean (true grants, false withdraws). */
  consent: z.strictObject({ email: z.union([z.boolean(), z.enum(consentStatuses)]).optional(), sms: z.union([z.boolean(), z.enum(consentStatuses)]).optional(), phone: z.union([z.boolean(), z.enum(consentStatuses)]).optional() }).optional(),
  /** Where a consent change comes from (e.g. 'form'); by default 'api' for an API key, else 'user'. */
  consentSource: z.string().trim().regex(/^[a-z][a-z0-9_-]*$/, 'a lower-case word such as form').max(40).optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
});
export type ContactInput = z.infer<typeof contactInput>;

const address = z.object({ street: z.string().nullish(), city: z.string().nullish(), region: z.string().nullish(), postalCode: z.string().nullish(), country: z.string().nullish() });

const consentStateSchema = z.object({ status: z.enum(consentStatuses), source: z.string().nullable(), at: z.string().nullable() });
export const consentSchema = z.object({ email: consentStateSchema, sms: consentStateSchema, phone: consentStateSchema }).describe('per channel: granted, withdrawn or unknown (never asked), with its source and time');

export const contactSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  displayName: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  title: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  rawPhones: z.array(z.string()).describe('phone numbers kept as typed: not valid for their country, so not normalised'),
  address: address.nullable(),
  birthday: z.string().nullable(),
  source: z.string().nullable(),
  lifecycleStage: z.enum(lifecycleStages),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  tags: z.array(z.string()),
  consent: z.object({ email: z.boolean(), sms: z.boolean(), phone: z.boolean() }).describe('true where the channel is granted (kept for older clients; see consentStatus)'),
  consentStatus: consentSchema,
  customFields: z.record(z.string(), z.unknown()),
  sourceCreatedAt: z.string().nullable().describe('when the record was created in the system it was imported from (the earliest seen)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export const companyInput = z.strictObject({
  name: text(200).min(1),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as example.com')
    .nullable()
    .optional(),
  industry: optText(100),
  size: z.enum(companySizes).nullable().optional(),
  annualRevenue: z.number().int('in minor units (cents/分), a whole number').min(0).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code').optional(),
  address: addressSchema.nullable().optional(),
  ownerId: z.string().max(100).nullable().optional(),
  tags: tagsSchema.optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
});
export type CompanyInput = z.infer<typeof companyInput>;

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  annualRevenue: z.number().nullable(),
  currency: z.string(),
  address: address.nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  contactCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Company = z.infer<typeof companySchema>;

/** List queries accept cf.<key>=value filters besides the named ones, so unknown keys pass through here. */
export const contactListQuery = z
  .object({
    ...listQueryBase,
    lifecycleStage: z.enum(lifecycleStages).optional(),
    ownerId: z.string().max(100).optional(),
    companyId: z.string().max(100).optional(),
    tag: z.string().max(50).optional(),
    source: z.string().max(100).optional(),
    importId: z.string().max(100).optional().describe('only the contacts this import created or changed'),
  })
  .catchall(z.string().max(200));
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const companyListQuery = z
  .object({ ...listQueryBase, industry: z.string().max(100).optional(), ownerId: z.string().max(100).optional(), tag: z.string().max(50).optional() })
  .catchall(z.string().max(200));
export type CompanyListQuery = z.infer<typeof companyListQuery>;

export { idParams, listOf } from '../../core/http/common-schemas.js';
