// zod schemas of the routing API: ordered rules (conditions → team, strategy, skill, priority) and agent status.
import { z } from 'zod';
import { serviceChannels, ticketPriorities } from '../tables.js';
import { customerTiers, withoutDefaults } from '../sla/sla-schemas.js';
import { routingStrategies } from './routing-tables.js';

const words = z.array(z.string().trim().min(1).max(100)).max(100).optional();
export const routingConditions = z.strictObject({
  channels: z.array(z.enum(serviceChannels)).max(10).optional(),
  categories: words,
  languages: words,
  tiers: z.array(z.enum(customerTiers)).max(2).optional(),
  /** Any of these words in the subject or description (case-insensitive). */
  keywords: words,
});
export type RoutingConditions = z.infer<typeof routingConditions>;

const skill = z.string().trim().min(1).max(50);
export const routingRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  conditions: routingConditions.default({}),
  teamId: z.string().min(1).max(100),
  priority: z.enum(ticketPriorities).nullable().default(null),
  strategy: z.enum(routingStrategies).default('round_robin'),
  skill: skill.nullable().default(null),
  position: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().default(true),
});
export type RoutingRuleInput = z.infer<typeof routingRuleInput>;
export const routingRulePatch = z.strictObject(withoutDefaults(routingRuleInput.shape)).partial();
export type RoutingRulePatch = z.infer<typeof routingRulePatch>;

export const routingRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  conditions: routingConditions,
  teamId: z.string(),
  teamName: z.string().nullable(),
  priority: z.enum(ticketPriorities).nullable(),
  strategy: z.enum(routingStrategies),
  skill: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const agentStatusInput = z.strictObject({
  skills: z.array(skill).max(30).optional(),
  capacity: z.number().int().min(0).max(10_000).nullable().optional(),
  away: z.boolean().optional(),
});
export type AgentStatusInput = z.infer<typeof agentStatusInput>;

export const agentStatusSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  teamId: z.string().nullable(),
  skills: z.array(z.string()),
  capacity: z.number().nullable(),
  away: z.boolean(),
  openTickets: z.number(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;
