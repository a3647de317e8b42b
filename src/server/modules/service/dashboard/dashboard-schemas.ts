// zod schemas of the service dashboard: the date range asked for and the tiles answered.
import { z } from 'zod';

const realDay = (v: string) => !Number.isNaN(Date.parse(v)) && new Date(Date.parse(v)).toISOString().slice(0, 10) === v;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-25').refine(realDay, { message: 'a date such as 2026-11-25' });

export const dashboardQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    teamId: z.string().max(100).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86400_000 <= 366, { message: 'at most 366 days' });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = <K extends string>(key: K) => z.array(z.object({ [key]: z.string(), count: z.number() } as { [P in K]: z.ZodString } & { count: z.ZodNumber }));
const durations = z.object({ count: z.number(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() });
const attainment = z.object({ met: z.number(), breached: z.number(), running: z.number(), attainmentPct: z.number().nullable() });

export const dashboardSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  /** Whose tickets the numbers count: everyone's (admins), the team's (managers) or one's own (agents). */
  scope: z.enum(['all', 'team', 'own']),
  open: z.object({
    total: z.number(),
    byStatus: count('status'),
    byPriority: count('priority'),
    byTeam: z.array(z.object({ teamId: z.string().nullable(), teamName: z.string().nullable(), count: z.number() })),
  }),
  /** Null when no ticket in the range is under an SLA policy; slaNote says why. */
  sla: z.object({ firstResponse: attainment, resolution: attainment }).nullable(),
  slaNote: z.string().nullable(),
  firstResponse: durations,
  resolution: durations,
  backlog: z.array(z.object({ date: z.string(), open: z.number(), created: z.number(), solved: z.number() })),
  satisfaction: z.object({
    responses: z.number(),
    csatAverage: z.number().nullable(),
    csatSatisfiedPct: z.number().nullable(),
    nps: z.number().nullable(),
    npsResponses: z.number(),
    trend: z.array(z.object({ period: z.string(), responses: z.number(), csatAverage: z.number().nullable(), nps: z.number().nullable() })),
  }),
  channels: count('channel'),
});
export type ServiceDashboard = z.infer<typeof dashboardSchema>;
