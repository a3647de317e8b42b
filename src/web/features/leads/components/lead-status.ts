// The colour of each lead status, shared by the leads table and the lead cards.
export const LEAD_STATUS_COLOR = { new: 'blue', working: 'yellow', converted: 'green', disqualified: 'gray' } as const;
