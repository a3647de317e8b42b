// Opens and clicks of journey e-mails: a valid signed token records the engagement once (per enrolment, step and
// kind); a click is sent on to the link at its index in the e-mail that was queued. Anything else is ignored.
import type { Db } from '../../../core/db/database.js';
import { nowIso } from '../../../core/ids.js';
import { linksIn, parseMailToken, verifyMailToken } from './journey-mail-links.js';

export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

async function verified(db: Db, token: string) {
  const t = parseMailToken(token);
  if (!t) return null;
  const row = await db.kysely.selectFrom('journeyEnrolments as e').innerJoin('journeys as j', 'j.id', 'e.journeyId').select(['j.webhookSecret']).where('e.id', '=', t.enrolmentId).executeTakeFirst();
  return row && verifyMailToken(row.webhookSecret, t) ? t : null;
}

async function record(db: Db, enrolmentId: string, stepId: string, kind: 'opened' | 'clicked') {
  await db.kysely.insertInto('journeyEmailEvents').values({ enrolmentId, stepId, kind, at: nowIso() }).onConflict((oc) => oc.columns(['enrolmentId', 'stepId', 'kind']).doNothing()).execute();
}

export async function recordMailOpen(db: Db, token: string): Promise<boolean> {
  const t = await verified(db, token);
  if (!t || t.link !== null) return false;
  await record(db, t.enrolmentId, t.stepId, 'opened');
  return true;
}

/** The link to send the reader on to, or null for a token that is not valid. */
export async function recordMailClick(db: Db, token: string): Promise<string | null> {
  const t = await verified(db, token);
  if (!t || t.link === null) return null;
  const run = await db.kysely.selectFrom('journeyStepRuns').select('detail').where('enrolmentId', '=', t.enrolmentId).where('stepId', '=', t.stepId).where('outcome', '=', 'done').executeTakeFirst();
  const mail = run?.detail ? await db.kysely.selectFrom('mailOutbox').select('body').where('id', '=', run.detail).executeTakeFirst() : undefined;
  const target = mail ? linksIn(mail.body)[t.link] : undefined;
  if (!target) return null;
  await record(db, t.enrolmentId, t.stepId, 'clicked');
  return target;
}
