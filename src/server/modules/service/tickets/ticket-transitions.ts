// The ticket lifecycle: new → open → pending (customer) / on hold → solved → closed; a solved ticket can be reopened,
// a closed one is final (a new question becomes a new ticket).
import { AppError } from '../../../core/errors.js';
import type { TicketStatus } from '../tables.js';

const next: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export const canMove = (from: TicketStatus, to: TicketStatus) => from === to || next[from].includes(to);

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (canMove(from, to)) return;
  const allowed = next[from];
  throw new AppError(
    'validation',
    allowed.length ? `A ticket cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(', ')}` : 'A closed ticket cannot change status; open a new ticket instead',
    [{ path: 'status', message: `not allowed from ${from}` }],
  );
}

/** The timestamps a status brings: solvedAt when solved (kept when closed), cleared when reopened. */
export function statusTimes(to: TicketStatus, current: { solvedAt: string | null; closedAt: string | null }, at: string): { solvedAt: string | null; closedAt: string | null } {
  if (to === 'solved') return { solvedAt: at, closedAt: null };
  if (to === 'closed') return { solvedAt: current.solvedAt ?? at, closedAt: at };
  return { solvedAt: null, closedAt: null };
}
