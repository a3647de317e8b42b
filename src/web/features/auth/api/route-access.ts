// The server's access level of each route behind a button the web hides from roles that cannot use it; a unit test
// holds this table to src/server/authorization-matrix.expected.ts, so the web and the server cannot drift apart.
/** The access levels a route declares on the server. */
export type Access = 'user' | 'manager' | 'support' | 'admin';

export const ROUTE_ACCESS = {
  'POST /contacts/bulk-delete': 'manager',
  'POST /companies/bulk-delete': 'manager',
  'POST /contacts/:id/erase': 'admin',
  'GET /contacts/:id/data-export': 'admin',
  'POST /duplicates/detect': 'admin',
  'POST /households': 'admin',
  'POST /households/:id/members': 'admin',
  'DELETE /households/:id/members/:contactId': 'admin',
  'POST /households/regroup': 'admin',
  'POST /products': 'manager',
  'PATCH /products/:id': 'manager',
  'PUT /quotas': 'manager',
  'POST /pipelines': 'manager',
  'POST /web-forms': 'admin',
  'POST /deal-close-reasons': 'admin',
  'POST /users': 'admin',
  'PUT /roles/:role': 'admin',
  'POST /teams': 'admin',
  'POST /custom-fields': 'admin',
  'PATCH /settings': 'admin',
  'POST /lead-scoring/rules': 'admin',
  'POST /lead-assignment/rules': 'admin',
  'POST /api-keys': 'admin',
  'POST /backups': 'admin',
  'GET /audit': 'admin',
} as const satisfies Record<string, Access>;
export type GatedRoute = keyof typeof ROUTE_ACCESS;
