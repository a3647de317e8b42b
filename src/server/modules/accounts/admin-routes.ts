// HTTP routes of users, teams, role visibility and organisation settings.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireAdmin } from '../../core/http/request-context.js';
import { listOf } from '../../core/http/common-schemas.js';
import { getOrgSettings, orgSettingsSchema, setOrgSettings } from '../../core/settings.js';
import { writeAudit } from '../../core/audit/audit-log.js';
import { createUser, listUserDirectory, listUsers, updateUser } from './manage-users.js';
import { createTeam, deleteTeam, listRoleSettings, listTeams, setRoleVisibility, updateTeam } from './manage-teams.js';
import { unlockUserLogin } from './unlock-user-login.js';
import { apiKeySchema, createApiKey, createApiKeyBody, listApiKeys, revokeApiKey } from './api-keys.js';
import { createUserBody, idParams, patchUserBody, roleSchema, roleSettingSchema, teamBody, teamSchema, userDirectoryEntry, userSchema } from './schemas.js';


export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['users'], summary: 'List users with email and role (admin; everyone else uses GET /users/directory)', response: { 200: listOf(userSchema) } } }, async (req) => {
    requireAdmin(req);
    return { data: await listUsers(app.db), nextCursor: null };
  });
  app.get('/users/directory', { config: { scope: 'session' }, schema: { tags: ['users'], summary: 'Colleagues for owner and assignee pickers, for every user: id, name, team and whether active (no email or role)', response: { 200: listOf(userDirectoryEntry) } } }, async (req) => {
    ctxOf(req);
    return { data: await listUserDirectory(app.db), nextCursor: null };
  });
  app.post('/users', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['users'], summary: 'Create a user', body: createUserBody, response: { 201: userSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createUser(db, actor, req.body));
  });
  app.patch('/users/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['users'], summary: 'Change a user', params: idParams, body: patchUserBody, response: { 200: userSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateUser(db, actor, req.params.id, req.body);
  });
  app.post(
    '/users/:id/unlock',
    { config: { scope: 'session', access: 'admin' }, schema: { tags: ['users'], summary: "Clear the failed-login limits counted against a user's email (audited)", params: idParams, response: { 200: z.object({ cleared: z.number().int() }) } } },
    async (req) => {
      const { db, actor } = requireAdmin(req);
      return unlockUserLogin(db, actor, req.params.id);
    },
  );

  app.get('/teams', { config: { scope: 'session' }, schema: { tags: ['teams'], summary: 'List teams', response: { 200: listOf(teamSchema) } } }, async (req) => {
    ctxOf(req);
    return { data: await listTeams(app.db), nextCursor: null };
  });
  app.post('/teams', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['teams'], summary: 'Create a team', body: teamBody, response: { 201: teamSchema } } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    return reply.status(201).send(await createTeam(db, actor, req.body));
  });
  app.patch('/teams/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['teams'], summary: 'Change a team', params: idParams, body: teamBody.partial(), response: { 200: teamSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return updateTeam(db, actor, req.params.id, req.body);
  });
  app.delete('/teams/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['teams'], summary: 'Delete a team', params: idParams } }, async (req, reply) => {
    const { db, actor } = requireAdmin(req);
    await deleteTeam(db, actor, req.params.id);
    return reply.status(204).send();
  });

  app.get('/roles', { config: { scope: 'session' }, schema: { tags: ['roles'], summary: 'Record visibility per role', response: { 200: z.object({ data: z.array(roleSettingSchema) }) } } }, async (req) => {
    ctxOf(req);
    return { data: (await listRoleSettings(app.db)) as z.infer<typeof roleSettingSchema>[] };
  });
  app.put(
    '/roles/:role',
    { config: { scope: 'session', access: 'admin' }, schema: { tags: ['roles'], summary: 'Set what a role sees', params: z.object({ role: roleSchema }), body: z.strictObject({ visibility: z.enum(['all', 'own_team']) }), response: { 200: roleSettingSchema } } },
    async (req) => {
      const { db, actor } = requireAdmin(req);
      return setRoleVisibility(db, actor, req.params.role, req.body.visibility);
    },
  );

  app.get('/settings', { config: { scope: 'session' }, schema: { tags: ['settings'], summary: 'Organisation settings', response: { 200: orgSettingsSchema } } }, async (req) => {
    ctxOf(req);
    return getOrgSettings(app.db.kysely);
  });
  app.patch('/settings', { config: { scope: 'session', access: 'admin' }, schema: { tags: ['settings'], summary: 'Change organisation settings', body: orgSettingsSchema.partial().strict(), response: { 200: orgSettingsSchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return db.kysely.transaction().execute(async (trx) => {
      const before = await getOrgSettings(trx);
      const after = await setOrgSettings(trx, req.body);
      await writeAudit(trx, db.engine, { actorId: actor.id, action: 'update', entity: 'settings', entityId: 'org', before, after });
      return after;
    });
  });
};

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['api keys'];
  app.get('/api-keys', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'List API keys (admin)', response: { 200: z.object({ data: z.array(apiKeySchema) }) } } }, async (req) => {
    const { db } = requireAdmin(req);
    return { data: await listApiKeys(db) };
  });
  app.post(
    '/api-keys',
    { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Create an API key; the secret is in this answer only', body: createApiKeyBody, response: { 201: apiKeySchema.extend({ key: z.string() }) } } },
    async (req, reply) => {
      const { db, actor } = requireAdmin(req);
      return reply.status(201).send(await createApiKey(db, actor, req.body));
    },
  );
  app.delete('/api-keys/:id', { config: { scope: 'session', access: 'admin' }, schema: { tags, summary: 'Revoke an API key', params: idParams, response: { 200: apiKeySchema } } }, async (req) => {
    const { db, actor } = requireAdmin(req);
    return revokeApiKey(db, actor, req.params.id);
  });
};
