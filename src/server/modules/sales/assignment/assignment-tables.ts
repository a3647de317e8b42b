// Tables of lead assignment: ordered rules (conditions → team and strategy) with their round-robin position.
export const assignmentStrategies = ['round_robin', 'least_loaded', 'user'] as const;
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

export interface LeadAssignmentRulesTable {
  id: string;
  name: string;
  position: number;
  conditions: string; // JSON: { regions?, cities?, countries?, industries?, companySizes?, sources? } (lists of values)
  teamId: string | null;
  strategy: AssignmentStrategy;
  userId: string | null;
  active: number;
  lastUserId: string | null; // round-robin: who got the previous lead
  createdAt: string;
  updatedAt: string;
}

export interface AssignmentTables {
  leadAssignmentRules: LeadAssignmentRulesTable;
}
