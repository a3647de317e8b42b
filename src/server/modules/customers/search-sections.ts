// Other modules' results in the global search box (tickets, articles…): each registers a section that answers a
// few hits for q within the caller's visibility, shown after contacts and companies.
import { z } from 'zod';
import type { Ctx } from '../../core/http/request-context.js';
import type { RouteScope } from '../../core/auth/route-access.js';

export const searchHitSchema = z.object({ id: z.string(), title: z.string(), subtitle: z.string().nullable(), path: z.string().describe('the app page of the hit') });
export type SearchHit = z.infer<typeof searchHitSchema>;

export interface SearchSection {
  key: string;
  /** The API-key scope the section's own list needs (GET /search itself needs only customers:read): a key without it
   * gets no hits from this section. People logged in are held by the section's own visibility. */
  scope?: RouteScope;
  search(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]>;
}

const sections: SearchSection[] = [];

export function registerSearchSection(s: SearchSection): void {
  const i = sections.findIndex((x) => x.key === s.key);
  if (i >= 0) sections[i] = s;
  else sections.push(s);
}

export async function searchSections(ctx: Ctx, q: string, limit: number): Promise<{ key: string; hits: SearchHit[] }[]> {
  const key = ctx.actor.apiKey;
  const allowed = sections.filter((s) => !key || !s.scope || key.scopes.includes(s.scope));
  const out = await Promise.all(allowed.map(async (s) => ({ key: s.key, hits: await s.search(ctx, q, limit) })));
  return out.filter((s) => s.hits.length > 0);
}
