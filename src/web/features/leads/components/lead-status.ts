// What the table and the cards of leads share: the status colours and the assignment explanation in the reader's language.
import { useTranslation } from 'react-i18next';
import { explainAssignment } from '../../../lib/assignment-steps';
import type { Lead } from '../api/get-leads';

export const LEAD_STATUS_COLOR = { new: 'blue', working: 'yellow', converted: 'green', disqualified: 'gray' } as const;

/** Why the lead's owner got it; leads assigned before steps were recorded keep their English line. */
export function useAssignmentWhy(): (l: Lead) => string | null {
  const { t } = useTranslation();
  return (l) => (l.assignment?.steps ? explainAssignment(l.assignment.steps, t) : (l.assignment?.explanation ?? null));
}
