// Kysely's SQLite dialect with write transactions that start as BEGIN IMMEDIATE, and lock waits that do not freeze the process.
// Several processes share one SQLite file (the server, `rapport worker`, a CLI import or seed). A deferred transaction
// that reads first and writes later fails at once with SQLITE_BUSY(_SNAPSHOT) when another process wrote in between;
// busy_timeout cannot help there. BEGIN IMMEDIATE takes the write lock up front, so writers queue instead of failing.
// better-sqlite3 is synchronous, so busy_timeout waits block the event loop: waits for the write lock are done here
// instead, asynchronously, with busy_timeout at 0 for the attempt. `setAccessMode('read only')` keeps a plain BEGIN,
// so a long consistent read (a backup fingerprint) does not hold other processes' writes up.
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type QueryResult, type TransactionSettings } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const sqliteLockWaitMs = () => Number(process.env.RAPPORT_SQLITE_LOCK_WAIT_MS ?? 30_000);

const isBusy = (err: unknown) => typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_BUSY');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs attempt() with busy_timeout 0; while another connection holds the write lock, retries after short async
 * sleeps (1 ms doubling to 16 ms, with jitter so waiting processes do not retry in step) until the wait budget is spent.
 * Only for statements that change nothing when they fail: BEGIN, and statements outside a transaction.
 */
class AsyncBusyWait {
  // Prepared once: switching busy_timeout then costs under a microsecond per statement.
  private readonly noWait: SqliteDatabase.Statement;
  private readonly fallback: SqliteDatabase.Statement;

  constructor(readonly sqlite: SqliteDatabase.Database, fallbackMs: number) {
    this.noWait = sqlite.prepare('pragma busy_timeout = 0');
    this.fallback = sqlite.prepare(`pragma busy_timeout = ${Math.max(0, Math.floor(fallbackMs))}`);
  }

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + sqliteLockWaitMs();
    let delay = 1;
    for (;;) {
      this.noWait.run();
      try {
        return await attempt();
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
      } finally {
        this.fallback.run();
      }
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 16);
    }
  }
}

class WaitingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly wait: AsyncBusyWait,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction the lock is already held (IMMEDIATE) or not needed (read only): no wait is due.
    // Outside one, a single statement is atomic, so retrying it after SQLITE_BUSY cannot apply it twice.
    if (this.wait.sqlite.inTransaction || query.query.kind === 'SelectQueryNode') return this.inner.executeQuery<R>(query);
    return this.wait.run(() => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private wrapped?: { inner: DatabaseConnection; outer: WaitingConnection };

  constructor(
    config: ConstructorParameters<typeof SqliteDriver>[0],
    private readonly wait: AsyncBusyWait,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    if (this.wrapped?.inner !== inner) this.wrapped = { inner, outer: new WaitingConnection(inner, this.wait) };
    return this.wrapped.outer;
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const begin = CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate');
    await this.wait.run(() => connection.executeQuery(begin));
  }
}

/**
 * The SQLite dialect Rapport uses. `database` is what Kysely prepares statements on (the statement cache);
 * `sqlite` is the handle underneath, whose busy_timeout (`fallbackMs`) still covers raw-handle use.
 */
export function immediateSqliteDialect(database: KyselySqliteDatabase, sqlite: SqliteDatabase.Database, fallbackMs: number): SqliteDialect {
  return new (class extends SqliteDialect {
    override createDriver() {
      return new ImmediateSqliteDriver({ database }, new AsyncBusyWait(sqlite, fallbackMs));
    }
  })({ database });
}
