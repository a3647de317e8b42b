// zod schemas of the accounts API: they validate requests and generate the OpenAPI document.
import { z } from 'zod';
import { timeZoneSchema } from '../../core/today/day-window.js';
import { roles } from './tables.js';

export const localeSchema = z.enum(['en', 'zh-CN']);
export const roleSchema = z.enum(roles);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid email address')).pipe(z.string().max(254));
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamId: z.string().nullable(),
  locale: localeSchema,
  /** IANA time zone (Asia/Shanghai) for reminder e-mails; null = the organisation's. */
  timeZone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
/** A colleague as every user sees them in GET /users/directory. */
export const userDirectoryEntry = z.object({ id: z.string(), name: z.string(), teamId: z.string().nullable(), active: z.boolean() });
export type UserDirectoryEntry = z.infer<typeof userDirectoryEntry>;

export const loginBody = z.strictObject({ email: emailSchema, password: z.string().min(1, 'required').max(200) });
export const setupBody = z.strictObject({ email: emailSchema, password: passwordSchema, name: z.string().trim().min(1).max(100), locale: localeSchema.optional() });
export const tokenResponse = z.object({ token: z.string(), user: userSchema });
export const meResponse = z.object({ user: userSchema });
export const patchMeBody = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), locale: localeSchema.optional(), timeZone: timeZoneSchema.nullable().optional() });
export const passwordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

export const createUserBody = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: passwordSchema,
  role: roleSchema,
  teamId: z.string().nullable().optional(),
  locale: localeSchema.optional(),
});
export const patchUserBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  teamId: z.string().nullable().optional(),
  active: z.boolean().optional(),
});

export const teamSchema = z.object({ id: z.string(), name: z.string(), managerId: z.string().nullable(), createdAt: z.string() });
export const teamBody = z.strictObject({ name: z.string().trim().min(1).max(100), managerId: z.string().nullable().optional() });
export const roleSettingSchema = z.object({ role: roleSchema, visibility: z.enum(['all', 'own_team']) });
export { idParams } from '../../core/http/common-schemas.js';
