// Tables of the accounts module: users, teams, sessions, login limits, per-role visibility.
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
  /** IANA zone for times written to the user (reminder e-mails); null = the organisation's. */
  timeZone: string | null;
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

/** One login limit's counter (login-limits.ts): per email and client address ('pair'), per email from addresses
 * it never logged in from ('account', address ''), per client address across accounts ('address', email ''). */
export interface LoginThrottlesTable {
  kind: 'pair' | 'account' | 'address';
  email: string;
  address: string;
  /** Attempts counted in this window, each counted before its password is checked. */
  attempts: number;
  /** Locks so far in this window: the next lock lasts twice as long, up to the limit's cap. */
  lockouts: number;
  /** Epoch milliseconds (as are the two below): plain integers compare alike on both engines. */
  windowStart: number;
  /** 0 when not locked. */
  lockedUntil: number;
  updatedAt: number;
}

/** A client address a user has logged in from successfully: it is exempt from the account-wide and address-wide limits. */
export interface LoginAddressesTable {
  userId: string;
  address: string;
  lastLoginAt: string;
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
  loginThrottles: LoginThrottlesTable;
  loginAddresses: LoginAddressesTable;
  roleSettings: RoleSettingsTable;
}
