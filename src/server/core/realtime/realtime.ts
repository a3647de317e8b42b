// Real-time publish/subscribe of small events (topic + JSON payload) between every Rapport process on one database.
// PostgreSQL: NOTIFY on a channel named after the schema, and one dedicated LISTEN connection per subscribing process,
// so a message stored by any server or worker reaches the WebSockets of every server. SQLite: an in-process bus,
// because an embedded database has one server (a separate `rapport worker` process does not reach it).
import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { parseDatabaseUrl } from '../db/database.js';

/** NOTIFY takes at most 8000 bytes; a payload larger than this is refused: publish ids and let the receiver fetch. */
export const MAX_REALTIME_PAYLOAD = 7900;

export type RealtimeListener = (payload: unknown, topic: string) => void;

export interface RealtimeHub {
  /** Calls the listener for every event on the topic, from any process; returns the unsubscribe function. */
  subscribe(topic: string, listener: RealtimeListener): () => void;
  /** Resolves once the hub listens (PostgreSQL: LISTEN done), so a test can publish right after. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export class RealtimePayloadTooLarge extends Error {
  constructor(bytes: number) {
    super(`A real-time event may carry at most ${MAX_REALTIME_PAYLOAD} bytes (got ${bytes}): publish ids instead.`);
  }
}

/** The NOTIFY channel of a database: one per PostgreSQL schema, so schemas (and test runs) never hear each other. */
export function channelOf(db: Db): string {
  const schema = db.url ? parseDatabaseUrl(db.url).schema : undefined;
  return schema ? `rapport_rt_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63) : 'rapport_rt';
}

type Topics = Map<string, Set<RealtimeListener>>;

function dispatch(topics: Topics, raw: string): void {
  let event: { t?: unknown; p?: unknown };
  try {
    event = JSON.parse(raw);
  } catch {
    return;
  }
  if (typeof event.t !== 'string') return;
  for (const listener of topics.get(event.t) ?? []) {
    try {
      listener(event.p, event.t);
    } catch (err) {
      console.error('realtime listener failed', err);
    }
  }
}

// The in-process bus of each SQLite database: every hub opened on that Db hears every publish on it.
const localBuses = new WeakMap<Db, Set<Topics>>();

/** Publishes from any process that has the database (an API server, a worker, a CLI command). */
export async function publish(db: Db, topic: string, payload: unknown): Promise<void> {
  const raw = JSON.stringify({ t: topic, p: payload });
  const bytes = Buffer.byteLength(raw);
  if (bytes > MAX_REALTIME_PAYLOAD) throw new RealtimePayloadTooLarge(bytes);
  if (db.engine === 'postgres') {
    await sql`select pg_notify(${channelOf(db)}, ${raw})`.execute(db.kysely);
    return;
  }
  for (const topics of localBuses.get(db) ?? []) queueMicrotask(() => dispatch(topics, raw));
}

function subscriber(topics: Topics) {
  return (topic: string, listener: RealtimeListener) => {
    let set = topics.get(topic);
    if (!set) topics.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) topics.delete(topic);
    };
  };
}

/** Opens this process's hub on the database: PostgreSQL keeps a dedicated LISTEN connection, reconnecting on loss. */
export function openRealtimeHub(db: Db, log: { warn(obj: unknown, msg: string): void } = console): RealtimeHub {
  const topics: Topics = new Map();
  if (db.engine !== 'postgres' || !db.url) {
    let buses = localBuses.get(db);
    if (!buses) localBuses.set(db, (buses = new Set()));
    buses.add(topics);
    return { subscribe: subscriber(topics), ready: Promise.resolve(), close: async () => void buses.delete(topics) };
  }
  const { target, schema } = parseDatabaseUrl(db.url);
  const channel = channelOf(db);
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: target, options: schema ? `-c search_path=${schema},public` : undefined });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload) dispatch(topics, msg.payload);
    });
    const lost = (err?: Error) => {
      if (client !== c || closed) return;
      client = null;
      log.warn({ err }, 'real-time listener lost its PostgreSQL connection; reconnecting');
      c.end().catch(() => {});
      setTimeout(() => void connect().catch(() => {}), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    client = c;
    try {
      await c.connect();
      await c.query(`listen "${channel}"`);
      retryMs = 250;
    } catch (err) {
      lost(err as Error);
      throw err;
    }
  };
  const ready = connect();
  return {
    subscribe: subscriber(topics),
    ready,
    async close() {
      closed = true;
      await ready.catch(() => {});
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
