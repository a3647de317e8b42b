// Who may call a route: every /api/v1 route declares its API-key scope and the roles it serves in its route options
// (`config: { scope, access }`); one hook enforces both before the body is validated, and the app refuses to start
// with a route that declares neither.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Role } from './actor.js';

/** The modules an API key can be scoped to, each with read (GET/HEAD) and write. */
export const apiKeyModules = ['customers', 'interactions', 'data', 'sales', 'service', 'marketing'] as const;
/** Scopes that a key never gets by holding a module's write scope: a person's whole data, erasure, merges, backups. */
export const apiKeySpecialScopes = ['privacy:export', 'privacy:erase', 'records:merge', 'admin:backups'] as const;
export const apiKeyScopes: string[] = [...apiKeyModules.flatMap((m) => [`${m}:read`, `${m}:write`]), ...apiKeySpecialScopes];

type ModuleScope = `${(typeof apiKeyModules)[number]}:${'read' | 'write'}`;
/** `session`: only a logged-in person, never an API key. `public`: no login at all. */
export type RouteScope = ModuleScope | (typeof apiKeySpecialScopes)[number] | 'session' | 'public';
/** `user`: anyone logged in (the default); `manager`: managers and admins; `support`: support agents, managers and
 * admins (the knowledge base's editors); `admin`: administrators only. */
export type RouteAccess = 'user' | 'manager' | 'support' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: RouteScope;
    access?: RouteAccess;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  scope: RouteScope;
  access: RouteAccess;
}

const rolesOf: Record<RouteAccess, readonly Role[]> = {
  user: ['admin', 'manager', 'sales', 'marketing', 'support'],
  manager: ['admin', 'manager'],
  support: ['admin', 'manager', 'support'],
  admin: ['admin'],
};
export const rolesAllowed = (access: RouteAccess): readonly Role[] => rolesOf[access];

const accessMessage: Record<RouteAccess, string> = {
  user: '',
  manager: 'Only managers and administrators can do this',
  support: 'Only support agents, managers and administrators can do this',
  admin: 'Only an administrator can do this',
};

const isApiRoute = (url: string) => url.startsWith('/api/v1/') && url !== '/api/v1/openapi.json';

/** Records every API route with what it declares (the authorization matrix test reads this), and refuses a route
 * that declares no scope: a route added without one fails at start-up, not in production. */
export function installRouteAccess(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    const scope = route.config?.scope;
    if (!scope) throw new Error(`Route ${String(route.method)} ${route.url} declares no API-key scope (config.scope)`);
    const access = route.config?.access ?? 'user';
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, scope, access });
    }
  });
}

/** Runs once the actor is known: the route's login, role and API-key scope requirements. */
export function assertRouteAccess(req: FastifyRequest): void {
  const config = req.routeOptions?.config;
  const scope = config?.scope;
  if (!scope || scope === 'public') return;
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated', 'Log in first: this needs a session cookie or an Authorization: Bearer token');
  const access = config.access ?? 'user';
  if (!rolesOf[access].includes(actor.role)) throw new AppError('forbidden', accessMessage[access]);
  if (!actor.apiKey) return;
  if (scope === 'session') throw new AppError('forbidden', 'API keys cannot use this endpoint; log in as a user');
  if (!actor.apiKey.scopes.includes(scope)) throw new AppError('forbidden', `This API key lacks the scope "${scope}"`);
}
