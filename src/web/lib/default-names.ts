// The names Rapport gives what it creates on install (the "Sales" pipeline and its stages) are data, stored in English;
// while a name is still the default one, the UI shows it in the reader's language. A renamed stage shows as named.
import type { TFunction } from 'i18next';

const DEFAULTS: Record<string, string> = {
  Sales: 'defaultNames.salesPipeline',
  Qualification: 'defaultNames.qualification',
  'Needs analysis': 'defaultNames.needsAnalysis',
  Proposal: 'defaultNames.proposal',
  Negotiation: 'defaultNames.negotiation',
  Won: 'defaultNames.won',
  Lost: 'defaultNames.lost',
};

export function displayName(name: string, t: TFunction): string {
  const key = DEFAULTS[name];
  return key ? t(key) : name;
}
