// The routing hook for signals about a ticket's text (a later sentiment model: an angry message → a senior agent,
// priority up). Each registered signal sees the ticket and its text during routing; what it asks for is applied
// and explained as a step.
import type { TicketsTable } from '../tables.js';
import type { CustomerTier } from '../sla/sla-schemas.js';

export interface RoutingSignalResult {
  /** Raise the priority one level (low → normal → high → urgent). */
  priorityUp?: boolean;
  /** Only agents with this skill may take the ticket (e.g. 'senior'). */
  requireSkill?: string;
  /** Why, in a few words, shown in the explanation. */
  reason: string;
}

/** What routing knows of the customer when signals run. */
export interface RoutingSignalContext {
  tier: CustomerTier;
}

export type RoutingSignal = (ticket: Readonly<TicketsTable>, text: string, context: RoutingSignalContext) => RoutingSignalResult | null | undefined | Promise<RoutingSignalResult | null | undefined>;

const signals = new Map<string, RoutingSignal>();

/** Registers (or replaces, by name) a signal applied to every ticket routed from now on. */
export function registerRoutingSignal(name: string, fn: RoutingSignal): void {
  signals.set(name, fn);
}

export function unregisterRoutingSignal(name: string): void {
  signals.delete(name);
}

/** Runs every signal; a failing signal is skipped (routing must not stop on it). */
export async function applyRoutingSignals(ticket: TicketsTable, context: RoutingSignalContext = { tier: 'standard' }): Promise<{ name: string; result: RoutingSignalResult }[]> {
  const text = [ticket.subject, ticket.description ?? ''].join('\n');
  const out: { name: string; result: RoutingSignalResult }[] = [];
  for (const [name, fn] of signals) {
    try {
      const result = await fn(ticket, text, context);
      if (result) out.push({ name, result });
    } catch (err) {
      console.error(`routing signal ${name} failed`, err);
    }
  }
  return out;
}
