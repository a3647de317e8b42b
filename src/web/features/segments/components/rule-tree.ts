// Pure helpers of the rule builder: a new condition for a field, the value an operator starts with, and whether the
// tree is complete enough to count.
import type { Condition, FieldType, Group, SegmentField } from '../api/segments';

export const isGroup = (n: Group | Condition): n is Group => 'children' in n;
export const NO_VALUE = ['is_empty', 'is_not_empty'];
const LIST = ['any_of', 'none_of', 'all_of'];

/** The value a rule starts with when its operator is chosen. */
export function initialValue(type: FieldType, operator: string): unknown {
  if (NO_VALUE.includes(operator)) return undefined;
  if (LIST.includes(operator)) return [];
  if (type === 'boolean') return true;
  if (operator === 'between') return type === 'date' ? ['', ''] : [0, 0];
  if (operator === 'within_last_days' || operator === 'more_than_days_ago') return 30;
  if (type === 'number') return 0;
  return '';
}

export function newCondition(field: SegmentField): Condition {
  const operator = field.operators[0]!;
  return { field: field.key, operator, value: initialValue(field.type, operator) };
}

const filled = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 && v.every((x) => x !== '' && x !== null) : v !== '' && v !== null);

/** True when every group has children and every condition a value its operator needs. */
export function isComplete(node: Group | Condition): boolean {
  if (isGroup(node)) return node.children.length > 0 && node.children.every(isComplete);
  return NO_VALUE.includes(node.operator) || filled(node.value);
}
