// For administrators: a link from a record's timeline to the audit log filtered to that record.
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCanCall } from '../../auth';

export function AuditLogLink({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  if (!useCanCall('GET /audit')) return null;
  return (
    <Anchor component={Link} to={`/settings?tab=audit&auditEntity=${entity}&auditRecord=${encodeURIComponent(id)}`} size="xs" data-testid="audit-log-link">
      {t('history.inAuditLog')}
    </Anchor>
  );
}
