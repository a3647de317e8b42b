// Why a lead's owner got it, as sentences in the reader's language; leads assigned before steps were recorded keep
// their English line.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { explainAssignment } from '../../../lib/assignment-steps';
import type { Lead } from '../api/get-leads';

export function AssignmentWhy({ lead, withTitle = false }: { lead: Lead; withTitle?: boolean }) {
  const { t } = useTranslation();
  const why = lead.assignment?.steps ? explainAssignment(lead.assignment.steps, t) : (lead.assignment?.explanation ?? null);
  if (!why) return null;
  return <Text size="xs" c="dimmed" lineClamp={2} title={withTitle ? why : undefined}>{why}</Text>;
}
