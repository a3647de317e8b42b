// The A/B split of a campaign's audience: a stable share of contacts (by a hash of the contact id) gets subject A or
// B; the rest ('rest') waits until the winner is chosen. A campaign without a B subject sends everyone 'a'.
import { createHash } from 'node:crypto';
import type { CampaignsTable } from './campaign-tables.js';

export function abVariant(c: Pick<CampaignsTable, 'abSubject' | 'abSharePercent' | 'id'>, contactId: string): string {
  if (!c.abSubject || c.abSharePercent <= 0) return 'a';
  const h = createHash('sha1').update(`${c.id}:${contactId}`).digest().readUInt16BE(0) % 10_000;
  const test = (c.abSharePercent * 100) | 0;
  if (h >= test) return 'rest';
  return h % 2 === 0 ? 'a' : 'b';
}
