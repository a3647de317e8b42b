// Runs every module's versioned migrations (Kysely's Migrator) in one global order.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db, Engine } from './database.js';

/** A module's migration: receives the untyped Kysely handle and the engine, for the few engine-specific statements. */
export interface ModuleMigration {
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** Migrations keyed by a name that sorts in apply order, e.g. "0001-accounts". */
export type MigrationSet = Record<string, ModuleMigration>;

export async function migrateToLatest(db: Db, sets: MigrationSet[]): Promise<string[]> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (all[name]) throw new Error(`duplicate migration name ${name}`);
      all[name] = { up: (k) => m.up(k, db.engine) };
    }
  }
  const provider: MigrationProvider = { getMigrations: async () => all };
  let schema: string | undefined;
  if (db.engine === 'postgres') {
    // Extensions live in "public" and are shared by every schema; create it once, tolerating a racing creator.
    try {
      await sql`create extension if not exists pg_trgm with schema public`.execute(db.kysely);
    } catch (e) {
      if (!String((e as Error).message).includes('already exists') && (e as { code?: string }).code !== '23505') throw e;
    }
    schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]?.s;
    if (!schema) throw new Error('the PostgreSQL schema named in DATABASE_URL (?schema=) does not exist');
  }
  // Modules add migrations independently, so a newer module's migration may sort before one already applied.
  // The migration tables live in the database's own schema, never found through the search path in another one.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true, migrationTableSchema: schema });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely looks for its migration table by listing the tables of every schema; a schema dropped at that moment
    // or altered by another database user (another test run, a tenant being removed) fails the listing, not our migration.
    if (db.engine !== 'postgres' || attempt >= 8 || !vanishedElsewhere(error, schema)) throw error;
    await new Promise((r) => setTimeout(r, 50 * attempt));
  }
}

/** A "schema/relation/column does not exist" error about some other schema than ours (the listing reads every schema's
 * columns, so a table altered elsewhere at that moment fails it too). */
function vanishedElsewhere(error: unknown, schema: string | undefined): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code !== '3F000' && code !== '42P01' && code !== '42703') return false;
  return !!schema && !String(message).includes(`"${schema}"`) && !String(message).includes(`"${schema}.`);
}
