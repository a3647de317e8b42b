// Rate limits of the chat widget: token buckets per visitor and per client address, kept in this process (each server
// limits what it receives; a visitor spread over many servers gets at most that many times the rate).
import { AppError } from '../../../core/errors.js';

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

class Buckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly rate: () => { perMs: number; burst: number }) {}

  take(key: string, now = Date.now()): boolean {
    const { perMs, burst } = this.rate();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}

const perVisitor = new Buckets(() => ({ perMs: widgetLimits.visitorPerMinute / 60_000, burst: Math.max(1, Math.ceil(widgetLimits.visitorPerMinute / 2)) }));
const perAddress = new Buckets(() => ({ perMs: widgetLimits.addressPerMinute / 60_000, burst: Math.max(1, Math.ceil(widgetLimits.addressPerMinute / 2)) }));
const transcripts = new Buckets(() => ({ perMs: widgetLimits.transcriptsPerHour / 3_600_000, burst: widgetLimits.transcriptsPerHour }));

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
