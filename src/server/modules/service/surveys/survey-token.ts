// Signed survey links: "<survey id>.<expiry in unix seconds>.<HMAC>" with a key kept in the settings table (made on
// first use, shared by every server process); a changed id or expiry breaks the MAC, an old link has expired.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTrx } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';

const KEY = 'service.surveySigningKey';
export const SURVEY_TTL_DAYS = 30;

async function signingKey(db: DbOrTrx): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (row) return JSON.parse(row.value) as string;
  // Two processes racing both insert-or-ignore, then read whichever key won.
  await db.insertInto('settings').values({ key: KEY, value: JSON.stringify(randomBytes(32).toString('base64url')) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return JSON.parse((await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirstOrThrow()).value) as string;
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(`survey:${payload}`).digest('base64url').slice(0, 32);

export async function surveyToken(db: DbOrTrx, surveyId: string, expiresAt: string): Promise<string> {
  const payload = `${surveyId}.${Math.floor(new Date(expiresAt).getTime() / 1000)}`;
  return `${payload}.${mac(await signingKey(db), payload)}`;
}

/** The survey id of a valid, unexpired token; a 404 for a forged or mangled one, a 400 for an expired one. */
export async function readSurveyToken(db: DbOrTrx, token: string, now = Date.now()): Promise<string> {
  const m = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token);
  const invalid = new AppError('not_found', 'This survey link is not valid');
  if (!m) throw invalid;
  const expected = Buffer.from(mac(await signingKey(db), `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  if (Number(m[2]) * 1000 < now) throw new AppError('bad_request', 'This survey link has expired');
  return m[1]!;
}
