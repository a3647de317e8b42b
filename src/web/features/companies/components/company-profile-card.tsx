// Profile card of a company: every field editable in place (PATCH on save).
import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useUserDirectory } from '../../../api/shared-queries';
import { CustomFieldsPanel } from '../../../components/custom-fields/custom-fields-panel';
import { InlineEditField, type EditValue } from '../../../components/inline-edit-field';
import { formatMoney } from '../../../lib/format';
import { COMPANY_SIZES, type Company, type CompanySize, type User } from '../../../types/api';
import { useUpdateCompany, type CompanyInput } from '../api/companies';

export function CompanyProfileCard({ company, me }: { company: Company; me: User }) {
  const { t } = useTranslation();
  const update = useUpdateCompany(company.id);
  const fields = useCustomFields('company');
  const users = useUserDirectory(me.role === 'admin');
  const save = (patch: CompanyInput) => update.mutateAsync(patch);
  const text = (v: EditValue) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const ownerOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Card withBorder data-testid="company-profile-card">
      <Stack gap="sm">
        <InlineEditField label={t('companies.name')} value={company.name} onSave={(v) => save({ name: text(v) ?? company.name })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <InlineEditField label={t('companies.domain')} value={company.domain} onSave={(v) => save({ domain: text(v) })} />
          <InlineEditField label={t('companies.industry')} value={company.industry} onSave={(v) => save({ industry: text(v) })} />
          <InlineEditField
            label={t('companies.size')}
            kind="select"
            value={company.size}
            options={COMPANY_SIZES.map((s) => ({ value: s, label: s }))}
            onSave={(v) => save({ size: (v as CompanySize | null) ?? null })}
          />
          <InlineEditField
            label={t('companies.revenueWithCurrency', { currency: company.currency ?? 'CNY' })}
            kind="number"
            value={company.annualRevenue === null ? null : company.annualRevenue / 100}
            display={formatMoney(company.annualRevenue, company.currency)}
            onSave={(v) => save({ annualRevenue: typeof v === 'number' ? Math.round(v * 100) : null })}
          />
          {me.role === 'admin' && ownerOptions.length > 0 ? (
            <InlineEditField label={t('common.owner')} kind="select" value={company.ownerId} options={ownerOptions} display={company.ownerName} onSave={(v) => save({ ownerId: text(v) })} />
          ) : (
            <div>
              <Text size="xs" c="dimmed">{t('common.owner')}</Text>
              <Text size="sm">{company.ownerName ?? t('common.empty')}</Text>
            </div>
          )}
          <InlineEditField label={t('common.tags')} kind="tags" value={company.tags} onSave={(v) => save({ tags: Array.isArray(v) ? v : [] })} />
        </SimpleGrid>
        <CustomFieldsPanel
          fields={fields.data ?? []}
          values={company.customFields ?? {}}
          onSave={(key, value) => save({ customFields: { ...company.customFields, [key]: value } })}
        />
      </Stack>
    </Card>
  );
}
