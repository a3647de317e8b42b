// Tables of ticket routing: ordered rules (conditions → team, strategy, skill) and each agent's skills, capacity, away.
export const routingStrategies = ['round_robin', 'least_loaded'] as const;
export type RoutingStrategy = (typeof routingStrategies)[number];

export interface RoutingRulesTable {
  id: string;
  name: string;
  position: number;
  /** JSON: { channels?, categories?, languages?, tiers?, keywords? } (lists; keywords match subject or description). */
  conditions: string;
  teamId: string;
  /** Priority to set on a matching ticket (null: keep). */
  priority: string | null;
  strategy: RoutingStrategy;
  /** Only agents with this skill get the ticket (null: any agent of the team). */
  skill: string | null;
  active: number;
  /** Round-robin: who got the previous ticket. */
  lastUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgentStatusTable {
  userId: string;
  /** JSON array of skill names ('billing', 'senior', 'zh'…). */
  skills: string;
  /** Most open tickets the agent takes (null: no limit). */
  capacity: number | null;
  /** 1 while away: routing passes them over. */
  away: number;
  updatedAt: string;
}

export interface RoutingTables {
  routing_rules: RoutingRulesTable;
  agent_status: AgentStatusTable;
}
