// Accounts: users, teams, roles and their record visibility, login sessions.
export { accountMigrations } from './migrations.js';
export { authRoutes } from './auth-routes.js';
export { adminRoutes, apiKeyRoutes } from './admin-routes.js';
export { installAuthHook } from './auth-hook.js';
export { ensureAdminFromEnv, createUser } from './manage-users.js';
export { createTeam, updateTeam } from './manage-teams.js';
export { emailSchema } from './schemas.js';
export type { User } from './schemas.js';
