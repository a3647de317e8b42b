// The inbound processor of call records: the raw JSON stored by the call API is parsed and recorded here
// (immediately by the route, or later by the inbound poller after a transient failure).
import { callInput } from './call-schemas.js';
import { InboundRejected, registerInboundProcessor } from '../conversations/inbound-store.js';
import { recordCall } from './record-call.js';
import './call-contact-data.js';

export const CALL_SOURCE = 'call';

registerInboundProcessor(CALL_SOURCE, async (db, raw) => {
  let json: unknown;
  try {
    json = JSON.parse(raw.payload);
  } catch {
    throw new InboundRejected('The call record is not valid JSON.');
  }
  const parsed = callInput.safeParse(json);
  if (!parsed.success) throw new InboundRejected(`The call record is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  await recordCall(db, parsed.data, raw.id);
});
