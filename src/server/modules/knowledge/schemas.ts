// zod schemas of the knowledge base: articles, versions, categories, suggestions and the bot (they also make the OpenAPI).
import { z } from 'zod';
import { listQueryBase } from '../../core/pagination.js';
import { articleLanguages, articleStatuses } from './tables.js';

export const articleLanguage = z.enum(articleLanguages);
const slug = z.string().trim().toLowerCase().max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens, such as refund-policy');
const title = z.string().trim().min(1, 'an article needs a title').max(300);
const body = z.string().max(100_000, 'an article body is at most 100,000 characters');
const categoryId = z.string().min(1).max(100).nullable();

export const articleInput = z.strictObject({
  title,
  body: body.default(''),
  language: articleLanguage,
  categoryId: categoryId.optional(),
  slug: slug.optional(),
  /** Makes the new article a translation of this one (same group and category). */
  translationOf: z.string().min(1).max(100).optional(),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const articleSave = z.strictObject({
  title: title.optional(),
  body: body.optional(),
  categoryId: categoryId.optional(),
  slug: slug.optional(),
  /** The version the editor started from: a save over someone else's newer version is refused (409). */
  expectedVersion: z.number().int().min(1).optional(),
});
export type ArticleSave = z.infer<typeof articleSave>;

const translationSchema = z.object({ id: z.string(), language: articleLanguage, title: z.string(), slug: z.string(), status: z.enum(articleStatuses) });

export const articleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  language: articleLanguage,
  groupId: z.string(),
  categoryId: z.string().nullable(),
  title: z.string(),
  status: z.enum(articleStatuses),
  version: z.number(),
  publishedVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  /** Published, and saved again since: the public still sees the published version. */
  hasUnpublishedChanges: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleSchema = articleSummarySchema.extend({
  body: z.string(),
  /** The body rendered from Markdown, safe to show as HTML. */
  bodyHtml: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  translations: z.array(translationSchema),
});
export type Article = z.infer<typeof articleSchema>;

export const articleListQuery = z.object({
  ...listQueryBase,
  status: z.enum(articleStatuses).optional(),
  language: articleLanguage.optional(),
  categoryId: z.string().min(1).max(100).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const versionSummarySchema = z.object({
  version: z.number(),
  title: z.string(),
  categoryId: z.string().nullable(),
  restoredFrom: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  published: z.boolean(),
  current: z.boolean(),
});
export const versionSchema = versionSummarySchema.extend({ body: z.string(), bodyHtml: z.string() });
export type ArticleVersion = z.infer<typeof versionSchema>;

export const categoryInput = z.strictObject({
  nameEn: z.string().trim().min(1, 'a category needs a name').max(100),
  nameZh: z.string().trim().max(100).nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export const categorySchema = z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string().nullable(), position: z.number(), articleCount: z.number() });
export type Category = z.infer<typeof categorySchema>;

export const suggestionSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  language: articleLanguage,
  categoryId: z.string().nullable(),
  /** The passage that matches the text best. */
  excerpt: z.string(),
  score: z.number(),
  /** The share (0–1) of the text's terms the article contains. */
  coverage: z.number(),
  /** The public help-centre page of the article. */
  url: z.string(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsQuery = z.object({
  text: z.string().trim().min(1, 'give the customer’s message as text').max(4000),
  language: articleLanguage.optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export const answerInput = z.strictObject({
  question: z.string().trim().min(1, 'ask a question').max(2000),
  language: articleLanguage.default('en'),
});
export const answerSchema = z.object({
  /** null: the bot does not know, and the conversation should go to a person. */
  answer: z.string().nullable(),
  articles: z.array(suggestionSchema),
  confidence: z.number(),
  handover: z.boolean(),
  /** Where the answer came from: a passage of the articles, or a model grounded in them. */
  source: z.enum(['articles', 'llm']).nullable(),
});
export type BotAnswer = z.infer<typeof answerSchema>;
