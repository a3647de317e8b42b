// The rule score, as a pure function: attribute points plus each behaviour's points decayed by its half-life.
export interface AttributeRule {
  id: string;
  kind: 'attribute';
  name: string;
  field: string;
  operator: 'equals' | 'contains' | 'in';
  value: string | string[];
  points: number;
}

export interface BehaviourRule {
  id: string;
  kind: 'behaviour';
  name: string;
  event: string;
  points: number;
  halfLifeDays: number | null;
}

export type ScoringRule = AttributeRule | BehaviourRule;

/** What a lead is scored on: attribute values by field name (cf.<key> for custom fields) and its behaviour. */
export interface ScoringInput {
  attributes: Record<string, unknown>;
  activities: { kind: string; occurredAt: string }[];
}

export interface ScoreLine {
  ruleId: string;
  name: string;
  kind: 'attribute' | 'behaviour';
  points: number;
  count: number;
  /** English summary of the rule for logs and integrators; people read the web's sentence made from params. */
  detail: string;
  /** What the sentence needs: attribute → field and the lead's value; behaviour → event, count and lastDaysAgo. */
  params: Record<string, string | number>;
}

export interface RuleScore {
  score: number;
  lines: ScoreLine[];
}

const DAY_MS = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (v: unknown) => String(v).trim().toLowerCase();

function attributeMatches(rule: AttributeRule, raw: unknown): boolean {
  if (raw === null || raw === undefined || raw === '') return false;
  const values = Array.isArray(raw) ? raw.map(norm) : [norm(raw)];
  const wanted = (Array.isArray(rule.value) ? rule.value : [rule.value]).map(norm);
  if (rule.operator === 'contains') return values.some((v) => wanted.some((w) => w !== '' && v.includes(w)));
  return values.some((v) => wanted.includes(v)); // equals and in compare whole values, ignoring case
}

/** Weight of one occurrence: 0.5^(age / half-life); no half-life means no decay, and future events count in full. */
export function decayFactor(occurredAt: string, halfLifeDays: number | null, now: Date): number {
  if (!halfLifeDays || halfLifeDays <= 0) return 1;
  const ageDays = Math.max(0, (now.getTime() - Date.parse(occurredAt)) / DAY_MS);
  return 0.5 ** (ageDays / halfLifeDays);
}

/** Whole days since the most recent of the hits (0 for today or a future date). */
function lastDaysAgo(hits: { occurredAt: string }[], now: Date): number {
  const last = Math.max(...hits.map((h) => Date.parse(h.occurredAt)));
  return Math.max(0, Math.floor((now.getTime() - last) / DAY_MS));
}

export function computeRuleScore(rules: ScoringRule[], input: ScoringInput, now: Date): RuleScore {
  const lines: ScoreLine[] = [];
  let total = 0;
  for (const rule of rules) {
    if (rule.kind === 'attribute') {
      const raw = input.attributes[rule.field];
      if (!attributeMatches(rule, raw)) continue;
      total += rule.points;
      const shown = Array.isArray(rule.value) ? rule.value.join(', ') : rule.value;
      lines.push({ ruleId: rule.id, name: rule.name, kind: 'attribute', points: round2(rule.points), count: 1, detail: `${rule.field} ${rule.operator} ${shown} (is ${Array.isArray(raw) ? raw.join(', ') : String(raw)})`, params: { field: rule.field, value: Array.isArray(raw) ? raw.join(', ') : String(raw) } });
    } else {
      const hits = input.activities.filter((a) => a.kind === rule.event);
      if (hits.length === 0) continue;
      const points = hits.reduce((sum, a) => sum + rule.points * decayFactor(a.occurredAt, rule.halfLifeDays, now), 0);
      total += points;
      const decay = rule.halfLifeDays ? `, half-life ${rule.halfLifeDays} d` : '';
      lines.push({ ruleId: rule.id, name: rule.name, kind: 'behaviour', points: round2(points), count: hits.length, detail: `${hits.length} × ${rule.event} at ${rule.points}${decay}`, params: { event: rule.event, count: hits.length, lastDaysAgo: lastDaysAgo(hits, now) } });
    }
  }
  return { score: round2(total), lines };
}
