// Migrations of the accounts module.
import type { MigrationSet } from '../../core/db/migrate.js';
import { addSerialPk } from '../../core/db/column-types.js';

export const accountMigrations: MigrationSet = {
  '0010-accounts': {
    async up(db, engine) {
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('manager_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await addSerialPk(db.schema.createTable('login_failures'), 'id', engine)
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_email').on('login_failures').columns(['email', 'at']).execute();
      await db.schema
        .createTable('role_settings')
        .addColumn('role', 'text', (c) => c.primaryKey())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('role_settings')
        .values([
          { role: 'admin', visibility: 'all' },
          { role: 'manager', visibility: 'all' },
          { role: 'sales', visibility: 'own_team' },
          { role: 'marketing', visibility: 'all' },
          { role: 'support', visibility: 'all' },
        ])
        .execute();
    },
  },
  '0011-api-keys': {
    async up(db) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull().unique())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
    },
  },
  // Login limits counted atomically per account and client address, with backoff (login-limits.ts); they replace
  // login_failures, whose read-then-write count let parallel attempts through and locked anyone's account.
  '0012-login-limits': {
    async up(db) {
      await db.schema
        .createTable('login_throttles')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('lockouts', 'integer', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('locked_until', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_throttles_pk', ['kind', 'email', 'address'])
        .execute();
      await db.schema.createIndex('login_throttles_email').on('login_throttles').column('email').execute();
      await db.schema.createIndex('login_throttles_updated').on('login_throttles').column('updated_at').execute();
      await db.schema
        .createTable('login_addresses')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_addresses_pk', ['user_id', 'address'])
        .execute();
      await db.schema.dropTable('login_failures').execute();
    },
  },
  // A user's own time zone, for times the server writes to them (task reminder e-mails).
  '0077-user-time-zone': {
    async up(db) {
      await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
    },
  },
};
