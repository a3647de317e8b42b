// Login limits: counted per (email, client address), per email from unfamiliar addresses and per client address,
// each attempt counted atomically BEFORE its password is checked, with locks that double in length up to a cap.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { parseIp } from '../../core/net/ip-ranges.js';
import type { LoginThrottlesTable } from './tables.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface LimitRule {
  /** Attempts allowed in a window before the first lock. */
  limit: number;
  windowMs: number;
  /** Length of the 1st, 2nd, … lock in a window; the last one repeats. */
  locksMs: number[];
}

const doubling = (fromMs: number, capMs: number) => {
  const out: number[] = [];
  for (let d = fromMs; d < capMs; d *= 2) out.push(d);
  return [...out, capMs];
};

export type LimitKind = LoginThrottlesTable['kind'];

export const loginLimits: Record<LimitKind, LimitRule> = {
  // A guesser at one account from one address: 5 tries, then one try per 1, 2, 4, 8, 15 minutes.
  pair: { limit: 5, windowMs: 24 * HOUR, locksMs: doubling(MINUTE, 15 * MINUTE) },
  // Many addresses at one account (only addresses that never logged in to it count, so its owner's usual ones are exempt).
  account: { limit: 20, windowMs: 24 * HOUR, locksMs: doubling(MINUTE, 30 * MINUTE) },
  // One address spraying passwords over many accounts (again only accounts it never logged in to).
  address: { limit: 30, windowMs: HOUR, locksMs: doubling(MINUTE, 30 * MINUTE) },
};

export interface LimitKey {
  kind: LimitKind;
  email: string;
  address: string;
}

/** The client address as limits see it: an IPv4-mapped IPv6 address as IPv4, any other IPv6 address as its /64,
 * because one IPv6 client usually owns the whole /64 and could otherwise take a fresh address per attempt. */
export function limitAddress(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip;
  if (parsed.family === 4) return ip;
  if (parsed.value >> 32n === 0xffffn) {
    const v = Number(parsed.value & 0xffffffffn);
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }
  const prefix = parsed.value >> 64n;
  const groups = [48n, 32n, 16n, 0n].map((s) => ((prefix >> s) & 0xffffn).toString(16));
  return `${groups.join(':')}::/64`;
}

const big = (v: number) => sql<number>`cast(${v} as bigint)`;
const col = (c: keyof LoginThrottlesTable) => sql.ref<number>(`loginThrottles.${c}`);

/** One CASE over the row as it was: locked → keep; window over → restart; lock over → one more try; under the
 * limit → count; else → count and lock. Every SET of an upsert reads the old row, so they agree on the branch. */
function branch(rule: LimitRule, now: number, v: { locked: RawBuilder<number> | number; restart: RawBuilder<number> | number; afterLock: RawBuilder<number> | number; under: RawBuilder<number> | number; over: RawBuilder<number> | number }) {
  const lit = (x: RawBuilder<number> | number) => (typeof x === 'number' ? big(x) : x);
  return sql<number>`case
    when ${col('lockedUntil')} > ${big(now)} then ${lit(v.locked)}
    when ${col('windowStart')} <= ${big(now - rule.windowMs)} then ${lit(v.restart)}
    when ${col('lockedUntil')} > 0 then ${lit(v.afterLock)}
    when ${col('attempts')} < ${big(rule.limit)} then ${lit(v.under)}
    else ${lit(v.over)} end`;
}

/** Counts one attempt against a limit in ONE statement (an upsert), so parallel attempts each see the others. */
export async function admit(db: DbOrTrx, key: LimitKey, now: number): Promise<{ admitted: boolean; lockedUntil: number }> {
  const rule = loginLimits[key.kind];
  const lockEnd = sql<number>`case ${col('lockouts')} ${sql.join(
    rule.locksMs.slice(0, -1).map((ms, i) => sql`when ${big(i)} then ${big(now + ms)}`),
    sql` `,
  )} else ${big(now + rule.locksMs.at(-1)!)} end`;
  const attempts = col('attempts');
  const lockouts = col('lockouts');
  const row = await db
    .insertInto('loginThrottles')
    .values({ ...key, attempts: 1, lockouts: 0, windowStart: now, lockedUntil: 0, updatedAt: now })
    .onConflict((oc) =>
      oc.columns(['kind', 'email', 'address']).doUpdateSet({
        attempts: branch(rule, now, { locked: attempts, restart: 1, afterLock: rule.limit, under: sql<number>`${attempts} + 1`, over: sql<number>`${attempts} + 1` }),
        lockouts: branch(rule, now, { locked: lockouts, restart: 0, afterLock: lockouts, under: lockouts, over: sql<number>`${lockouts} + 1` }),
        windowStart: branch(rule, now, { locked: col('windowStart'), restart: now, afterLock: col('windowStart'), under: col('windowStart'), over: col('windowStart') }),
        lockedUntil: branch(rule, now, { locked: col('lockedUntil'), restart: 0, afterLock: 0, under: 0, over: lockEnd }),
        updatedAt: big(now),
      }),
    )
    .returning(['lockedUntil'])
    .executeTakeFirstOrThrow();
  const lockedUntil = Number(row.lockedUntil);
  return { admitted: lockedUntil <= now, lockedUntil };
}

/** Takes back one counted attempt (it succeeded, or another limit refused it before any password was checked). */
export async function release(db: DbOrTrx, key: LimitKey): Promise<void> {
  await db
    .updateTable('loginThrottles')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('kind', '=', key.kind)
    .where('email', '=', key.email)
    .where('address', '=', key.address)
    .where('attempts', '>', 0)
    .execute();
}

export type LoginLimited = AppError & { retryAfterSeconds: number };

/** A refused login, saying how long to wait; the route also sends the wait as Retry-After. */
export function loginLimited(lockedUntil: number, now: number): LoginLimited {
  const minutes = Math.max(1, Math.ceil((lockedUntil - now) / MINUTE));
  const error = new AppError('too_many_requests', `Too many failed logins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  return Object.assign(error, { retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)) });
}

export const isLoginLimited = (e: unknown): e is LoginLimited => e instanceof AppError && 'retryAfterSeconds' in e;

/** Counts this attempt against every limit that applies, or throws 429 (counting nothing) when one is locked. */
export async function admitLogin(db: DbOrTrx, email: string, address: string, familiar: boolean, now: number): Promise<LimitKey[]> {
  const keys: LimitKey[] = [{ kind: 'pair', email, address }];
  if (!familiar) keys.push({ kind: 'account', email, address: '' }, { kind: 'address', email: '', address });
  const counted: LimitKey[] = [];
  for (const key of keys) {
    const { admitted, lockedUntil } = await admit(db, key, now);
    if (!admitted) {
      for (const k of counted) await release(db, k);
      throw loginLimited(lockedUntil, now);
    }
    counted.push(key);
  }
  return counted;
}

/** After a correct password: the pair starts afresh, the wider limits forget this attempt, the address is remembered. */
export async function loginSucceeded(db: DbOrTrx, keys: LimitKey[], userId: string, now: number): Promise<void> {
  for (const key of keys) {
    if (key.kind === 'pair') {
      await db.deleteFrom('loginThrottles').where('kind', '=', 'pair').where('email', '=', key.email).where('address', '=', key.address).execute();
      await db
        .insertInto('loginAddresses')
        .values({ userId, address: key.address, lastLoginAt: nowIso() })
        .onConflict((oc) => oc.columns(['userId', 'address']).doUpdateSet({ lastLoginAt: nowIso() }))
        .execute();
    } else await release(db, key);
  }
  // Counters idle for two days are past every window and lock; dropping them here keeps the table small.
  await db.deleteFrom('loginThrottles').where('updatedAt', '<', now - 48 * HOUR).where('lockedUntil', '<', now).execute();
}

/** Whether this user has logged in from this address before (it then skips the account- and address-wide limits). */
export async function isFamiliarAddress(db: DbOrTrx, userId: string, address: string): Promise<boolean> {
  const row = await db.selectFrom('loginAddresses').select('userId').where('userId', '=', userId).where('address', '=', address).executeTakeFirst();
  return row !== undefined;
}

/** Clears every limit counted against this email (not the address-wide ones: those protect other accounts). */
export async function clearLoginLimits(db: DbOrTrx, email: string): Promise<number> {
  const res = await db.deleteFrom('loginThrottles').where('email', '=', email).where('kind', 'in', ['pair', 'account']).executeTakeFirst();
  return Number(res.numDeletedRows);
}
