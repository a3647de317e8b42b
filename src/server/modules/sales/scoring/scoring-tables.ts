// Tables of lead scoring: the admin's rules and each contact's stored score with the rules that produced it.
export interface LeadScoringRulesTable {
  id: string;
  kind: 'attribute' | 'behaviour';
  name: string;
  field: string | null; // attribute rules: title | industry | companySize | region | source | lifecycleStage | cf.<key>
  operator: string | null; // equals | contains | in
  value: string | null; // JSON: a string, or an array for "in"
  event: string | null; // behaviour rules: an activity kind
  points: number;
  halfLifeDays: number | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface LeadScoresTable {
  contactId: string;
  score: number; // rule score now; the field the list sorts on
  ruleScore: number;
  /** The learned score of a later issue sits beside the rule score; null until then. */
  predictiveScore: number | null;
  breakdown: string; // JSON array of { ruleId, name, kind, points, count }
  computedAt: string;
}

export interface ScoringTables {
  leadScoringRules: LeadScoringRulesTable;
  leadScores: LeadScoresTable;
}
