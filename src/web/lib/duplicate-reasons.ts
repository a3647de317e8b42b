// Why two records may be one, in plain words: the server sends each reason as { field, kind, params } and this
// turns it into a sentence in the UI's language ("Same mobile phone", "Names match in pinyin: Deng Yong / 邓勇").
// Names come from the two records as shown (their display names), never from ids.
import type { TFunction } from 'i18next';
import { formatPhone } from './format-phone.js';

export interface DupReason {
  field: string;
  kind: string;
  detail: string;
  weight: number;
  params?: Record<string, string | number | boolean>;
}

export interface DupSides {
  aName?: string | null;
  bName?: string | null;
  companyName?: string | null;
}

export function duplicateReasonText(t: TFunction, r: DupReason, sides: DupSides = {}): string {
  const p = r.params ?? {};
  const names = { a: sides.aName ?? '', b: sides.bName ?? '' };
  const value = typeof p.value === 'string' ? p.value : '';
  switch (`${r.field}:${r.kind}`) {
    case 'email:same':
      return value ? t('duplicates.reason.sameEmailValue', { value }) : t('duplicates.reason.sameEmail');
    case 'phone:same':
      return t(p.mobile ? 'duplicates.reason.sameMobile' : 'duplicates.reason.samePhone', { value: formatPhone(value) });
    case 'company:same':
      return sides.companyName ? t('duplicates.reason.sameCompanyNamed', { name: sides.companyName }) : t('duplicates.reason.sameCompany');
    case 'domain:same':
      return t('duplicates.reason.sameDomain', { value });
    case 'domain:conflict':
      return t('duplicates.reason.differentDomains', { a: p.a ?? '', b: p.b ?? '' });
    case 'address:same':
      return t('duplicates.reason.sameAddress', { value });
    case 'address:similar':
      return t('duplicates.reason.similarAddress', { value });
    case 'birthday:conflict':
      return t('duplicates.reason.differentBirthdays', { a: p.a ?? '', b: p.b ?? '' });
    case 'phone:conflict':
      return t('duplicates.reason.differentMobiles');
    case 'email:conflict':
      return t(p.which === 'work' ? 'duplicates.reason.differentWorkEmails' : 'duplicates.reason.differentPersonalEmails');
    case 'contact:conflict':
      return t('duplicates.reason.nothingInCommon');
    case 'name:same':
    case 'name:similar': {
      const key = p.pinyin ? 'namesPinyin' : r.kind === 'same' ? 'namesSame' : 'namesSimilar';
      const text = t(`duplicates.reason.${key}`, names);
      const shared = typeof p.sharedBy === 'number' && p.sharedBy > 2 ? p.sharedBy : 0;
      return shared ? `${text} ${t('duplicates.reason.commonName', { count: shared })}` : text;
    }
    case 'name:conflict':
      return t('duplicates.reason.namesDiffer', names);
    default:
      return t('duplicates.reason.other');
  }
}
