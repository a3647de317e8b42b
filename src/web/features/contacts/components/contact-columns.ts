// The columns the contacts table can show (built-in and custom fields), and the chosen set remembered per browser
// when no saved view holds it.
import type { CustomField } from '../../../types/api';

export const BUILTIN_COLUMNS = ['company', 'email', 'phone', 'stage', 'owner', 'tags', 'createdAt'] as const;
export const DEFAULT_COLUMNS: string[] = [...BUILTIN_COLUMNS];
const STORE = 'rapport.contacts.columns';

export function customColumns(fields: CustomField[]): string[] {
  return fields.map((f) => `cf.${f.key}`);
}

export function storedColumns(): string[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

export function storeColumns(cols: string[]): void {
  localStorage.setItem(STORE, JSON.stringify(cols));
}
