// Opaque keyset cursors and the list response shape shared by every list route.
import { z } from 'zod';
import { sql, type Expression, type RawBuilder } from 'kysely';
import { AppError } from './errors.js';

export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional(),
};

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === length && v.every((x) => x === null || ['string', 'number'].includes(typeof x))) return v;
  } catch {
    /* fall through */
  }
  throw new AppError('validation', 'The cursor is not valid for this list', [{ path: 'cursor', message: 'invalid cursor' }]);
}

export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => CursorValue[]): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}

/**
 * The keyset condition "comes after the cursor row" for a list ordered by (column, tie) in one direction:
 * a row-value comparison, which both engines answer from an index on (column, tie). The column may be an expression
 * (a joined score, a coalesced date) as long as the list orders by the same expression.
 */
export function keysetAfter(column: string | Expression<unknown>, tie: string, cursor: CursorValue[], direction: 'asc' | 'desc'): RawBuilder<boolean> {
  const [value, id] = cursor;
  const key = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`(${key}, ${sql.ref(tie)}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${value}, ${id})`;
}
