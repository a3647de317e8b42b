// A lead-score line in plain words: "Held a meeting 12 days ago: +22" / "12 天前开过会：+22". The server sends each
// line's rule with params (behaviour: event, count, lastDaysAgo; attribute: field and the lead's value); lines
// stored before params existed fall back to the rule's own name.
import type { TFunction } from 'i18next';

export interface ScoreLineLike {
  name: string;
  kind: string;
  points: number;
  count: number;
  params?: Record<string, string | number>;
}

const EVENTS = ['email_opened', 'page_visited', 'form_submitted', 'meeting_held', 'call_logged'];

/** Points as whole numbers with a sign, as the score itself is shown (0 decimals). */
export const signedPoints = (points: number): string => {
  const n = Math.round(points);
  return n > 0 ? `+${n}` : n === 0 && points < 0 ? '-0' : String(n);
};

export function scoreReasonText(t: TFunction, line: ScoreLineLike): string {
  return `${t('leads.reason.line', { what: scoreReasonWhat(t, line), points: signedPoints(line.points) })}`;
}

/** The sentence without its points. */
export function scoreReasonWhat(t: TFunction, line: ScoreLineLike): string {
  const p = line.params;
  if (p && line.kind === 'behaviour' && typeof p.event === 'string' && EVENTS.includes(p.event)) {
    const days = Number(p.lastDaysAgo ?? 0);
    const when = days === 0 ? t('leads.reason.today') : t('leads.reason.daysAgo', { count: days });
    const count = Number(p.count ?? line.count);
    return count > 1 ? t(`leads.reason.events.${p.event}_repeat`, { count, when }) : t(`leads.reason.events.${p.event}`, { when });
  }
  if (p && line.kind === 'attribute' && typeof p.field === 'string') {
    const value = String(p.value ?? '');
    // A custom field has no label here: the rule's own name says what it is about.
    if (p.field.startsWith('cf.')) return t('leads.reason.custom', { name: line.name, value });
    return t('leads.reason.attribute', { field: t(`leadRules.fields.${p.field}`, { defaultValue: line.name }), value });
  }
  return line.name;
}
