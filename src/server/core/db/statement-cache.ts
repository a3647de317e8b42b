// Kysely's SQLite driver prepares every statement anew; this wraps the better-sqlite3 handle so the same SQL text
// reuses its prepared statement. Two LRUs: up to 500 ordinary statements, and up to 16 large ones (bulk inserts of
// thousands of rows, whose prepared form holds a slot per parameter — megabytes each — so only a few are kept).
// A statement still being iterated (a streamed read) is busy and cannot be re-run, so a second caller gets a fresh one.
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

const SMALL = { max: 500 };
const LARGE = { max: 16, minLength: 10_000 };

class Lru {
  private readonly map = new Map<string, SqliteDatabase.Statement>();
  constructor(private readonly max: number) {}
  get(text: string): SqliteDatabase.Statement | undefined {
    const hit = this.map.get(text);
    if (hit) {
      this.map.delete(text); // re-inserted: most recently used last
      this.map.set(text, hit);
    }
    return hit;
  }
  set(text: string, stmt: SqliteDatabase.Statement): void {
    this.map.set(text, stmt);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  clear(): void {
    this.map.clear();
  }
}

export function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const small = new Lru(SMALL.max);
  const large = new Lru(LARGE.max);
  return {
    close: () => {
      small.clear();
      large.clear();
      sqlite.close();
    },
    prepare(text: string) {
      const cache = text.length >= LARGE.minLength ? large : small;
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(text);
      if (!hit) cache.set(text, stmt);
      return stmt;
    },
  };
}
