// zod schemas of embeddable forms: the builder's input (fields mapped onto the contact), the admin and public views,
// and a visitor's submission (checked against the form's own fields).
import { z } from 'zod';

/** Contact fields a form can ask for; custom fields of contacts are `cf:<key>`. */
export const builtinFormFields = ['email', 'name', 'givenName', 'familyName', 'phone', 'company', 'title', 'message'] as const;
const fieldKey = z.union([z.enum(builtinFormFields), z.string().regex(/^cf:[a-z][a-z0-9_]{0,49}$/, 'a contact field, or cf:<custom field key>')]);

export const formFieldSchema = z.strictObject({
  key: fieldKey,
  label: z.string().trim().min(1).max(120),
  required: z.boolean().default(false),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formLanguages = ['en', 'zh-CN'] as const;

export const webFormInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  siteId: z.string().max(100).nullable().optional(),
  fields: z
    .array(formFieldSchema)
    .min(1)
    .max(20)
    .refine((fs) => fs.some((f) => f.key === 'email' && f.required), 'the e-mail field is required on every form')
    .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, 'each field appears once'),
  /** The consent checkbox's text (no checkbox when empty): ticking it opts the person in to e-mail. */
  consentText: z.string().trim().max(1000).nullable().optional(),
  /** E-mail consent only after the person follows the link in a confirmation e-mail. */
  doubleOptIn: z.boolean().optional(),
  language: z.enum(formLanguages).optional(),
  submitLabel: z.string().trim().min(1).max(60).optional(),
  successMessage: z.string().trim().min(1).max(500).optional(),
  enabled: z.boolean().optional(),
});
export type WebFormInput = z.infer<typeof webFormInput>;

export const webFormSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteId: z.string().nullable(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  consentText: z.string().nullable(),
  doubleOptIn: z.boolean(),
  language: z.enum(formLanguages),
  submitLabel: z.string(),
  successMessage: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  submissions: z.number().describe('all submissions, spam included'),
});
export type WebForm = z.infer<typeof webFormSchema>;

/** A form as every user sees it in GET /web-forms/directory: enough for a journey trigger's form picker. */
export const webFormDirectoryEntry = z.object({ id: z.string(), name: z.string(), enabled: z.boolean() });
export type WebFormDirectoryEntry = z.infer<typeof webFormDirectoryEntry>;

/** What a page needs to render the form (public). */
export const publicFormSchema = z.object({
  id: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), type: z.enum(['email', 'text', 'phone', 'textarea']), autocomplete: z.string().optional() })),
  consentText: z.string().nullable(),
  submitLabel: z.string(),
  successMessage: z.string(),
});

const utmSchema = z.strictObject({ source: z.string().max(200).optional(), medium: z.string().max(200).optional(), campaign: z.string().max(200).optional(), term: z.string().max(200).optional(), content: z.string().max(200).optional() });

export const submissionInput = z.strictObject({
  fields: z.record(z.string().max(60), z.string().max(2000)).refine((f) => Object.keys(f).length <= 30, 'at most 30 fields'),
  consent: z.boolean().optional(),
  /** The honeypot: people never see it, so anything in it marks a bot. */
  website: z.string().max(500).optional(),
  pageUrl: z.string().max(2000).optional(),
  referrer: z.string().max(2000).optional(),
  utm: utmSchema.optional(),
  /** The tracking snippet's visitor id and site key, when tracking is on: links the visitor's history to the contact. */
  visitor: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  site: z.string().max(64).optional(),
});
export type SubmissionInput = z.infer<typeof submissionInput>;

export const submissionSchema = z.object({
  id: z.string(),
  status: z.enum(['received', 'processing', 'processed', 'spam', 'failed']),
  fields: z.record(z.string(), z.string()),
  consent: z.boolean(),
  utm: z.record(z.string(), z.string()).nullable(),
  pageUrl: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  error: z.string().nullable(),
  receivedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
