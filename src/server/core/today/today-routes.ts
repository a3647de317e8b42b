// GET /today: the cards of the signed-in user's working day, each from the module that owns it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.js';
import { dayWindow, timeZoneSchema } from './day-window.js';
import { collectToday, todayCardSchema } from './today-registry.js';

const query = z.object({
  tz: timeZoneSchema.optional(),
  /** How many items each card lists (its count covers all). */
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export const todayRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/today',
    {
      config: { scope: 'session' },
      schema: {
        tags: ['today'],
        summary: 'My day: tasks, meetings, deals closing or stalled, new leads, recent activity on my records',
        querystring: query,
        response: { 200: z.object({ today: z.string(), timeZone: z.string(), cards: z.array(todayCardSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const day = dayWindow(new Date(), req.query.tz ?? 'UTC');
      return { today: day.today, timeZone: day.timeZone, cards: await collectToday(ctx, day, req.query.limit) };
    },
  );
};
