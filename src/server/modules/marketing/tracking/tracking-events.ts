// What the tracking endpoint accepts: a batch from one visitor of one site, each event checked on its own, so one bad
// event is refused with its reason while the rest of the batch is kept.
import { z } from 'zod';

/** The largest request body, the largest single event (as JSON) and the most events in one batch. */
export const trackingSizes = { bodyBytes: 64 * 1024, eventBytes: 4096, batchEvents: 100 };

export const trackingBatch = z.object({
  site: z.string().min(1).max(64),
  visitor: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 letters, digits, - or _'),
  events: z.array(z.unknown()).min(1),
});
export type TrackingBatch = z.infer<typeof trackingBatch>;

const url = z.string().max(2000);
const name = z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}_.:\- ]+$/u, 'letters, digits, spaces, _ . : -');
const utm = z.strictObject({ source: z.string().max(200).optional(), medium: z.string().max(200).optional(), campaign: z.string().max(200).optional(), term: z.string().max(200).optional(), content: z.string().max(200).optional() });
const props = z.record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).refine((p) => Object.keys(p).length <= 30, 'at most 30 properties');
const at = z.iso.datetime({ offset: true }).optional();

export const trackingEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page'), at, url, title: z.string().max(300).optional(), referrer: url.optional(), utm: utm.optional() }),
  z.strictObject({ type: z.literal('click'), at, name, url: url.optional() }),
  z.strictObject({ type: z.literal('event'), at, name, url: url.optional(), props: props.optional() }),
  z.strictObject({ type: z.literal('identify'), at, email: z.string().trim().toLowerCase().pipe(z.email()).optional(), userId: z.string().trim().min(1).max(200).optional(), signature: z.string().regex(/^[0-9a-f]{64}$/i).optional() }).refine((e) => e.email || e.userId, 'an e-mail or a user id'),
]);
export type TrackingEvent = z.infer<typeof trackingEvent>;

/** Refusal codes (the admin's counts name them; the UI words them). */
export const eventRefusals = { tooLarge: 'event_too_large', invalid: 'invalid_event', tooMany: 'too_many_events' } as const;
export type EventRejection = { index: number; reason: (typeof eventRefusals)[keyof typeof eventRefusals]; path?: string; message: string };

/**
 * The events worth storing and the refused ones with their reasons. `bodyBytes`, the request body's size when known:
 * a body no larger than the event limit cannot hold a too-large event, so its events are not measured one by one.
 */
export function checkEvents(raw: unknown[], bodyBytes?: number): { events: TrackingEvent[]; rejected: EventRejection[] } {
  const events: TrackingEvent[] = [];
  const rejected: EventRejection[] = [];
  const measure = !(bodyBytes !== undefined && bodyBytes <= trackingSizes.eventBytes);
  raw.forEach((e, index) => {
    if (index >= trackingSizes.batchEvents) return void rejected.push({ index, reason: eventRefusals.tooMany, message: `A batch holds at most ${trackingSizes.batchEvents} events` });
    if (measure && JSON.stringify(e ?? null).length > trackingSizes.eventBytes) return void rejected.push({ index, reason: eventRefusals.tooLarge, message: `An event is at most ${trackingSizes.eventBytes} bytes` });
    const parsed = trackingEvent.safeParse(e);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return void rejected.push({ index, reason: eventRefusals.invalid, path: issue.path.join('.'), message: issue.message });
    }
    events.push(parsed.data);
  });
  return { events, rejected };
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** UTM parameters from a page's address (utm_source=… → { source }), when the snippet did not send them. */
export function utmOf(pageUrl: string | undefined): Record<string, string> | null {
  if (!pageUrl || !URL.canParse(pageUrl)) return null;
  const q = new URL(pageUrl).searchParams;
  const out: Record<string, string> = {};
  for (const k of UTM_KEYS) {
    const v = q.get(`utm_${k}`);
    if (v) out[k] = v.slice(0, 200);
  }
  return Object.keys(out).length ? out : null;
}

/** The path of a page address (for roll-ups and "visited a page" rules), without query or fragment. */
export function pathOf(pageUrl: string | undefined | null): string | null {
  if (!pageUrl || !URL.canParse(pageUrl)) return null;
  return new URL(pageUrl).pathname.slice(0, 500);
}
