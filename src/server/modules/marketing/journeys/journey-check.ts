// Checks a journey as sent (trigger, steps, goal, re-entry) and answers 422 naming the path of every bad part
// (steps[2].yes[0].subject). Steps without an id get one; ids must be unique across the branches.
import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../../core/db/database.js';
import { AppError, type FieldError } from '../../../core/errors.js';
import { checkUrl } from '../../../core/net/outbound-policy.js';
import { contactFieldProblem, listCustomFields } from '../../customers/index.js';
import { loadSegmentFields } from '../segments/segment-fields.js';
import { checkRules } from '../segments/segment-rules.js';
import { type JourneyDefinition, type JourneyStep, type JourneyTrigger } from './journey-definition.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_STEPS = 100;

interface Checker {
  errors: FieldError[];
  db: DbOrTrx;
  ids: Set<string>;
  count: number;
}

async function rulesProblems(c: Checker, rules: unknown, path: string) {
  try {
    checkRules(await loadSegmentFields(c.db), rules, path);
  } catch (err) {
    if (err instanceof AppError && err.errors) c.errors.push(...err.errors);
    else throw err;
  }
}

async function checkTrigger(c: Checker, t: unknown): Promise<void> {
  const bad = (path: string, message: string): void => void c.errors.push({ path: `trigger${path}`, message });
  if (!isObj(t)) return bad('', 'must be a trigger { kind: segment | event | date | manual, … }');
  if (t.kind === 'segment') {
    if (typeof t.segmentId !== 'string' || !(await c.db.selectFrom('segments').select('id').where('id', '=', t.segmentId).executeTakeFirst())) bad('.segmentId', 'there is no such segment');
  } else if (t.kind === 'event') {
    if (typeof t.eventType !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(t.eventType)) bad('.eventType', 'must be an event type such as form.submitted or order.created');
    if (t.filter !== undefined && (!isObj(t.filter) || Object.values(t.filter).some((v) => !['string', 'number', 'boolean'].includes(typeof v)) || Object.keys(t.filter).length > 10)) bad('.filter', 'must map at most 10 payload fields to a text, number or true/false value');
  } else if (t.kind === 'date') {
    const field = t.field;
    const dateFields = (await listCustomFields(c.db, 'contact')).filter((f) => f.type === 'date').map((f) => `cf.${f.key}`);
    if (field !== 'birthday' && !dateFields.includes(String(field))) bad('.field', 'must be birthday or a date custom field (cf.<key>)');
    if (!isInt(t.offsetDays, -365, 365)) bad('.offsetDays', 'must be a whole number of days from -365 to 365 (negative: before the date)');
    if (typeof t.annual !== 'boolean') bad('.annual', 'must be true (every year, e.g. a birthday) or false (once)');
  } else if (t.kind !== 'manual') bad('.kind', 'must be segment, event, date or manual');
}

async function checkStep(c: Checker, s: unknown, path: string): Promise<void> {
  const bad = (field: string, message: string): void => void c.errors.push({ path: field ? `${path}.${field}` : path, message });
  c.count++;
  if (!isObj(s)) return bad('', 'must be a step { kind, … }');
  if (s.id === undefined) s.id = randomBytes(5).toString('hex');
  if (typeof s.id !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(s.id)) bad('id', 'must be 1–40 letters, digits, - or _');
  else if (c.ids.has(s.id)) bad('id', 'another step has this id');
  else c.ids.add(s.id);
  switch (s.kind) {
    case 'wait': {
      const hasDuration = s.amount !== undefined;
      if (!hasDuration && s.window === undefined) bad('', 'a wait needs a duration (amount, unit) or a window');
      if (hasDuration && !isInt(s.amount, 1, 10_000)) bad('amount', 'must be a whole number from 1 to 10000');
      if (hasDuration && !['minutes', 'hours', 'days'].includes(String(s.unit))) bad('unit', 'must be minutes, hours or days');
      if (s.window !== undefined) {
        const w = s.window;
        if (!isObj(w)) bad('window', 'must be { weekdays, from, to }');
        else {
          if (!Array.isArray(w.weekdays) || w.weekdays.length === 0 || w.weekdays.some((d) => !isInt(d, 1, 7))) bad('window.weekdays', 'must list weekdays 1 (Monday) to 7 (Sunday)');
          if (typeof w.from !== 'string' || !hhmm.test(w.from)) bad('window.from', 'must be a time HH:MM');
          if (typeof w.to !== 'string' || !hhmm.test(w.to) || (typeof w.from === 'string' && w.to <= w.from)) bad('window.to', 'must be a time HH:MM after from');
        }
      }
      return;
    }
    case 'branch': {
      const cond = s.condition;
      if (!isObj(cond) || (cond.type !== 'rules' && cond.type !== 'engagement')) bad('condition', 'must be { type: rules, rules } or { type: engagement, event: opened | clicked }');
      else if (cond.type === 'rules') await rulesProblems(c, cond.rules, `${path}.condition.rules`);
      else if (cond.event !== 'opened' && cond.event !== 'clicked') bad('condition.event', 'must be opened or clicked');
      for (const side of ['yes', 'no'] as const) {
        if (!Array.isArray(s[side])) bad(side, 'must be a list of steps (may be empty)');
        else for (const [i, child] of (s[side] as unknown[]).entries()) await checkStep(c, child, `${path}.${side}[${i}]`);
      }
      return;
    }
    case 'email':
      if (!isText(s.subject, 200)) bad('subject', 'must be 1–200 characters');
      if (!isText(s.body, 20_000)) bad('body', 'must be 1–20000 characters');
      return;
    case 'task':
      if (!isText(s.subject, 200)) bad('subject', 'must be 1–200 characters');
      if (s.body !== undefined && typeof s.body !== 'string') bad('body', 'must be text');
      if (s.dueInDays !== undefined && !isInt(s.dueInDays, 0, 365)) bad('dueInDays', 'must be 0–365 days');
      if (s.assignTo !== 'owner' && !(typeof s.assignTo === 'string' && (await activeUser(c.db, s.assignTo)))) bad('assignTo', 'must be owner or an active user’s id');
      return;
    case 'assign_owner':
      if (!(typeof s.userId === 'string' && (await activeUser(c.db, s.userId)))) bad('userId', 'must be an active user’s id');
      return;
    case 'update_field': {
      if (typeof s.field !== 'string') return bad('field', 'must be lifecycleStage, title, source or cf.<key>');
      const problem = await contactFieldProblem(c.db, s.field, s.value);
      if (problem) bad(problem === 'there is no such contact field' ? 'field' : 'value', problem);
      return;
    }
    case 'tag':
      if (s.action !== 'add' && s.action !== 'remove') bad('action', 'must be add or remove');
      if (!isText(s.tag, 50)) bad('tag', 'must be 1–50 characters');
      return;
    case 'webhook':
      try {
        checkUrl(String(s.url), `${path}.url`);
      } catch (err) {
        if (err instanceof AppError && err.errors?.length) c.errors.push(...err.errors);
        else bad('url', 'must be an http(s) address');
      }
      return;
    case 'end':
      return;
    default:
      bad('kind', 'must be one of: wait, branch, email, task, assign_owner, update_field, tag, webhook, end');
  }
}

const activeUser = (db: DbOrTrx, id: string) => db.selectFrom('users').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst();

export interface JourneyInput {
  trigger: unknown;
  steps: unknown;
  goal?: unknown;
  reentry: 'never' | 'after' | 'always';
  reentryDays?: number | null;
}

/** The definition, checked; or a 422 naming every bad part. */
export async function checkJourney(db: DbOrTrx, input: JourneyInput): Promise<JourneyDefinition> {
  const c: Checker = { errors: [], db, ids: new Set(), count: 0 };
  await checkTrigger(c, input.trigger);
  if (!Array.isArray(input.steps) || input.steps.length === 0) c.errors.push({ path: 'steps', message: 'a journey needs at least one step' });
  else for (const [i, s] of input.steps.entries()) await checkStep(c, s, `steps[${i}]`);
  if (c.count > MAX_STEPS) c.errors.push({ path: 'steps', message: 'at most 100 steps' });
  if (input.goal !== undefined && input.goal !== null) await rulesProblems(c, input.goal, 'goal');
  if (input.reentry === 'after' && !isInt(input.reentryDays, 1, 3650)) c.errors.push({ path: 'reentryDays', message: 'must be 1–3650 days when re-entry is after N days' });
  if (c.errors.length) throw new AppError('validation', 'The journey is not valid', c.errors);
  return { trigger: input.trigger as JourneyTrigger, steps: input.steps as JourneyStep[], goal: (input.goal as JourneyDefinition['goal']) ?? null, reentry: input.reentry, reentryDays: input.reentry === 'after' ? (input.reentryDays ?? null) : null };
}
