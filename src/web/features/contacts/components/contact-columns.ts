// The columns the contacts table can show besides the name (custom fields join them as cf.<key>).
export const BUILTIN_COLUMNS = ['company', 'email', 'phone', 'stage', 'owner', 'tags', 'createdAt'] as const;
export const DEFAULT_COLUMNS: string[] = [...BUILTIN_COLUMNS];
