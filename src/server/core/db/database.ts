// Opens the database named by DATABASE_URL: embedded SQLite (better-sqlite3, WAL) or PostgreSQL (pg pool).
import { Kysely, PostgresDialect, CamelCasePlugin, type Dialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db-schema.js';
import { withStatementCache } from './statement-cache.js';
import { immediateSqliteDialect } from './sqlite-immediate-driver.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** The DATABASE_URL it was opened with (the real-time listener opens its own PostgreSQL connection from it). */
  url?: string;
  /** The raw better-sqlite3 handle (SQLite only): used for backup and bulk seeding. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export type DbOrTrx = Kysely<Database>;

// pg returns int8 and numeric as strings by default; our counts and money fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function parseDatabaseUrl(url: string): { engine: Engine; target: string; schema?: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    u.searchParams.delete('schema');
    return { engine: 'postgres', target: u.toString(), schema };
  }
  if (url.startsWith('sqlite:')) return { engine: 'sqlite', target: url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

const SQLITE_RAW_BUSY_MS = 5000;

export function openDatabase(url: string): Db {
  const { engine, target, schema } = parseDatabaseUrl(url);
  let dialect: Dialect;
  let sqlite: SqliteDatabase.Database | undefined;
  if (engine === 'sqlite') {
    if (target !== ':memory:') mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    sqlite = new SqliteDatabase(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Kysely's statements wait for another process's write lock asynchronously (sqlite-immediate-driver.ts);
    // this synchronous wait only covers the raw handle (backup, bulk seeding).
    sqlite.pragma(`busy_timeout = ${SQLITE_RAW_BUSY_MS}`);
    sqlite.pragma('cache_size = -65536');
    // Reads map the file instead of copying each page through read(): at a million contacts, a segment rule that reads
    // a JSON column of 166,000 rows takes 115 ms instead of 280 ms. Up to 2 GiB (SQLite's default ceiling); the pages
    // are the OS page cache's, shared by every process on the file. Writes still go through the WAL.
    sqlite.pragma('mmap_size = 2147418112');
    dialect = immediateSqliteDialect(withStatementCache(sqlite), sqlite, SQLITE_RAW_BUSY_MS);
  } else {
    const pool = new pg.Pool({
      connectionString: target,
      max: 10,
      options: schema ? `-c search_path=${schema},public` : undefined,
    });
    dialect = new PostgresDialect({ pool });
  }
  const kysely = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  return {
    kysely,
    engine,
    url,
    sqlite,
    close: () => kysely.destroy(),
  };
}
