// Rate limits of the chat widget: token buckets per visitor and per client address, kept in this process (each server
// limits what it receives; a visitor spread over many servers gets at most that many times the rate).
import { AppError } from '../../../core/errors.js';
import { TokenBuckets } from '../../../core/http/token-buckets.js';

const num = (v: string | undefined, dflt: number) => (v && /^\d+$/.test(v) ? Number(v) : dflt);

/** The longest message a visitor may send, in characters. */
export const MAX_VISITOR_MESSAGE = 4000;

export const widgetLimits = {
  /** Messages per visitor per minute (burst: half of it). */
  visitorPerMinute: num(process.env.RAPPORT_WIDGET_VISITOR_PER_MINUTE, 20),
  /** Messages and new sessions per client address per minute (a whole office behind one address shares it). */
  addressPerMinute: num(process.env.RAPPORT_WIDGET_ADDRESS_PER_MINUTE, 300),
  /** Transcripts e-mailed per visitor per hour. */
  transcriptsPerHour: 3,
};

const perVisitor = TokenBuckets.perMinute(() => widgetLimits.visitorPerMinute);
const perAddress = TokenBuckets.perMinute(() => widgetLimits.addressPerMinute);
const transcripts = new TokenBuckets(() => ({ perMs: widgetLimits.transcriptsPerHour / 3_600_000, burst: widgetLimits.transcriptsPerHour }));

const tooMany = () => new AppError('too_many_requests', 'You are sending messages too fast; wait a moment and try again');

export function limitAddress(ip: string): void {
  if (!perAddress.take(ip)) throw tooMany();
}

export function limitVisitorMessage(visitorId: string, ip: string): void {
  limitAddress(ip);
  if (!perVisitor.take(visitorId)) throw tooMany();
}

export function limitTranscript(visitorId: string): void {
  if (!transcripts.take(visitorId)) throw new AppError('too_many_requests', 'A transcript was sent several times already; try again later');
}

/** Tests start from full buckets. */
export function resetWidgetLimits(): void {
  perVisitor.reset();
  perAddress.reset();
  transcripts.reset();
}
