// How a household was formed, as a translation key (the server names it: address+family, home phone, manual).
const KEYS: Record<string, string> = {
  'address+family': 'households.bases.addressFamily',
  'home phone': 'households.bases.homePhone',
  manual: 'households.bases.manual',
};

export function basisKey(basis: string): string | null {
  return KEYS[basis] ?? null;
}
