// Rate limits of the public tracking and form endpoints, per client address (token buckets in this process).
import { AppError } from '../../../core/errors.js';
import { TokenBuckets } from '../../../core/http/token-buckets.js';

const num = (v: string | undefined, dflt: number) => (v && /^\d+$/.test(v) ? Number(v) : dflt);

export const trackingLimits = {
  /** Tracking requests per client address per minute (a batch is one request; an office behind one address shares it). */
  addressPerMinute: num(process.env.RAPPORT_TRACKING_ADDRESS_PER_MINUTE, 1200),
  /** Form submissions per client address and form per minute. */
  formPerMinute: num(process.env.RAPPORT_FORM_ADDRESS_PER_MINUTE, 5),
};

const perAddress = TokenBuckets.perMinute(() => trackingLimits.addressPerMinute);
const perForm = TokenBuckets.perMinute(() => trackingLimits.formPerMinute);

export const takeTrackingRequest = (ip: string): boolean => perAddress.take(ip);
export const takeFormSubmission = (ip: string, formId: string): boolean => perForm.take(`${ip}\n${formId}`);

export const tooManyRequests = () => new AppError('too_many_requests', 'Too many requests from this address; wait a moment and try again');

/** Tests start from full buckets. */
export function resetTrackingLimits(): void {
  perAddress.reset();
  perForm.reset();
}
