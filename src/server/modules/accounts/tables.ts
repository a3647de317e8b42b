// Tables of the accounts module: users, teams, sessions, login failures, per-role visibility.
import type { Generated } from 'kysely';

export const roles = ['admin', 'manager', 'sales', 'marketing', 'support'] as const;
export type Role = (typeof roles)[number];
export type Visibility = 'all' | 'own_team';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  teamId: string | null;
  locale: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  managerId: string | null;
  createdAt: string;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  at: string;
}

export interface RoleSettingsTable {
  role: string;
  visibility: Visibility;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string; // JSON array such as ["customers:read","customers:write"]
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AccountTables {
  apiKeys: ApiKeysTable;
  users: UsersTable;
  teams: TeamsTable;
  sessions: SessionsTable;
  loginFailures: LoginFailuresTable;
  roleSettings: RoleSettingsTable;
}
