// Tickets as a segment rule source: (id, v) rows per contact with v its open tickets (not solved, closed or merged),
// for the marketing segment compiler, so marketing never names the tickets table.
import { sql, type RawBuilder } from 'kysely';

export function openTicketRowsSql(): RawBuilder<unknown> {
  return sql`select t.contact_id as id, count(*) as v from tickets t where t.contact_id is not null and t.status in ('new', 'open', 'pending', 'on_hold') and t.merged_into_id is null group by t.contact_id`;
}
