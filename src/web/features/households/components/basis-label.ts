// How a household was formed, in words: the server names one basis or several joined by ", " (address+family, home phone, manual).
import type { TFunction } from 'i18next';

const KEYS: Record<string, string> = {
  'address+family': 'households.bases.addressFamily',
  'home phone': 'households.bases.homePhone',
  manual: 'households.bases.manual',
};

export function basisText(basis: string, t: TFunction): string {
  return basis
    .split(', ')
    .map((b) => (KEYS[b] ? t(KEYS[b]) : b))
    .join(t('households.basisSeparator'));
}
