// The rule tree of a segment: nested AND/OR groups of conditions { field, operator, value }. Checked against the field
// registry before it is saved or counted; every problem is reported at its path (rules.children[1].operator).
import { AppError, type FieldError } from '../../../core/errors.js';
import type { SegmentField } from './segment-fields.js';
import { operatorsByType, segmentOperators, valueProblem, type SegmentOperator } from './segment-operators.js';

export interface SegmentCondition {
  field: string;
  operator: SegmentOperator;
  value?: unknown;
}
export interface SegmentGroup {
  combinator: 'and' | 'or';
  children: (SegmentGroup | SegmentCondition)[];
}

export const isGroup = (node: SegmentGroup | SegmentCondition): node is SegmentGroup => 'children' in node;

const MAX_DEPTH = 5;
const MAX_CONDITIONS = 50;

export const fieldOperators = (f: SegmentField): SegmentOperator[] => f.operators ?? operatorsByType[f.type];

/** The rules as sent, checked: the tree, or a 422 naming every wrong node. */
export function checkRules(fields: Map<string, SegmentField>, raw: unknown, base = 'rules'): SegmentGroup {
  const errors: FieldError[] = [];
  let conditions = 0;
  const walk = (node: unknown, path: string, depth: number): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      errors.push({ path, message: 'must be a group { combinator, children } or a condition { field, operator, value }' });
      return;
    }
    const n = node as Record<string, unknown>;
    if ('children' in n || 'combinator' in n) {
      if (depth >= MAX_DEPTH) errors.push({ path, message: 'groups nest at most 5 deep' });
      if (n.combinator !== 'and' && n.combinator !== 'or') errors.push({ path: `${path}.combinator`, message: 'must be and or or' });
      if (!Array.isArray(n.children)) errors.push({ path: `${path}.children`, message: 'must be a list of conditions and groups' });
      else if (n.children.length === 0) errors.push({ path: `${path}.children`, message: 'an empty group matches nothing: add a condition or remove the group' });
      else n.children.forEach((c, i) => walk(c, `${path}.children[${i}]`, depth + 1));
      for (const k of Object.keys(n)) if (k !== 'combinator' && k !== 'children') errors.push({ path: `${path}.${k}`, message: 'unknown field' });
      return;
    }
    conditions++;
    for (const k of Object.keys(n)) if (!['field', 'operator', 'value'].includes(k)) errors.push({ path: `${path}.${k}`, message: 'unknown field' });
    const field = typeof n.field === 'string' ? fields.get(n.field) : undefined;
    if (!field) {
      errors.push({ path: `${path}.field`, message: 'there is no such segment field' });
      return;
    }
    const op = n.operator as SegmentOperator;
    if (!segmentOperators.includes(op) || !fieldOperators(field).includes(op)) {
      errors.push({ path: `${path}.operator`, message: 'not an operator of this field' });
      return;
    }
    const problem = valueProblem(field.type, op, n.value);
    if (problem) errors.push({ path: `${path}.value`, message: problem });
    else if (field.closed && field.options && (op === 'is' || op === 'is_not' || op === 'any_of' || op === 'none_of' || op === 'all_of')) {
      const allowed = new Set(field.options.map((o) => o.value));
      const given = Array.isArray(n.value) ? n.value : [n.value];
      if (given.some((v) => !allowed.has(String(v)))) errors.push({ path: `${path}.value`, message: 'not one of this field’s choices' });
    }
  };
  walk(raw, base, 0);
  if (typeof raw === 'object' && raw !== null && !('children' in raw)) errors.unshift({ path: base, message: 'the rules must be a group at the top' });
  if (conditions > MAX_CONDITIONS) errors.push({ path: base, message: 'at most 50 conditions' });
  if (errors.length) throw new AppError('validation', 'The segment rules are not valid', errors);
  return raw as SegmentGroup;
}
