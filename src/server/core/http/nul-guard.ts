// Refuses a NUL character anywhere in a request's URL or JSON body with 400: PostgreSQL cannot store one in text
// (it fails with "invalid byte sequence", a 500) while SQLite would keep it, so both engines refuse it at the edge.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  // Only parsed JSON: an upload's stream body is no plain object or array and is left to its route.
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  for (const k in value) if (k.includes('\0') || holdsNul((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

export function installNulGuard(app: FastifyInstance): void {
  // Plain (not async) hooks: they run on every request and wait for nothing; a throw refuses the request.
  app.addHook('onRequest', (req, _reply, done) => {
    if (/%00/i.test(req.url)) throw new AppError('bad_request', 'The URL contains a NUL character (%00), which no value may hold');
    done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    if (holdsNul(req.body)) throw new AppError('bad_request', 'The request body contains a NUL character, which no value may hold');
    done();
  });
}
