// Tables of households: contacts grouped by a shared address and family name, or a shared home phone.
export interface HouseholdsTable {
  id: string;
  name: string;
  /** Why the members belong together, e.g. "address+family" or "phone"; "manual" when an admin made it. */
  basis: string;
  address: string | null; // JSON object of the shared address, when grouped by address
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMembersTable {
  householdId: string;
  contactId: string;
  /** auto: found by grouping; manual: placed by an admin (kept by regrouping); excluded: moved out by an admin. */
  origin: 'auto' | 'manual' | 'excluded';
  createdAt: string;
}

export interface HouseholdTables {
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
}
