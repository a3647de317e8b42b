// The web's table of gated routes says what the server's authorization matrix says, route by route.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from './route-access.js';

const matrix = readFileSync(new URL('../../../../server/authorization-matrix.expected.ts', import.meta.url), 'utf8');
const serverAccess = new Map([...matrix.matchAll(/'([A-Z]+ [^']+)': \['[^']+', '([a-z]+)'\]/g)].map((m) => [m[1]!, m[2]!]));

describe('route access in the web', () => {
  it('reads the server matrix', () => {
    expect(serverAccess.size).toBeGreaterThan(100);
    expect(serverAccess.get('POST /contacts')).toBe('user');
  });

  it('hides each gated button from exactly the roles the server refuses', () => {
    const drift = Object.entries(ROUTE_ACCESS).filter(([route, access]) => serverAccess.get(route) !== access).map(([route, access]) => `${route}: web ${access}, server ${serverAccess.get(route) ?? 'no such route'}`);
    expect(drift).toEqual([]);
  });
});
