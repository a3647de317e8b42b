// "Convert to deal" on a lead row: a small modal (deal name, optional amount and close date) posting to
// POST /leads/:contactId/convert; on success a notification links to the new deal on the board.
// (Notifications render outside the router, so the link navigates with the modal's own `navigate`.)
import { Anchor, Button, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { api } from '../../../lib/api-client';
import { formErrorsFrom } from '../../../lib/form-errors';
import type { Lead } from '../api/get-leads';
import { DateField, formDateProps } from '../../../components/date-fields';

export interface ConvertLeadInput {
  deal: { name: string; amount?: number; expectedCloseDate?: string };
}

export interface ConvertLeadResult {
  lead: Lead;
  dealId: string | null;
  dealCreated: boolean;
}

export function useConvertLead(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConvertLeadInput) => api.post<ConvertLeadResult>(`/leads/${contactId}/convert`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['leads'] });
      void qc.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}

/** Server field paths are `deal.name`, `deal.amount`, …; the form keys drop the `deal.` prefix. */
function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(formErrorsFrom(err))) out[path.replace(/^deal\./, '')] = message;
  return out;
}

const dealHref = (id: string) => `/deals?deal=${encodeURIComponent(id)}`;

export function ConvertLeadModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const convert = useConvertLead(lead.contactId);
  const form = useForm({
    initialValues: { name: lead.companyName || lead.displayName, amount: '' as number | string, expectedCloseDate: '' },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  const close = () => {
    form.reset();
    convert.reset();
    onClose();
  };

  const submit = form.onSubmit((v) =>
    convert.mutate(
      {
        deal: {
          name: v.name.trim(),
          ...(v.amount !== '' ? { amount: Math.round(Number(v.amount) * 100) } : {}),
          ...(v.expectedCloseDate ? { expectedCloseDate: v.expectedCloseDate } : {}),
        },
      },
      {
        onSuccess: (res) => {
          const href = res.dealId ? dealHref(res.dealId) : null;
          notifications.show({
            color: 'green',
            title: t('leads.convert.done', { name: lead.displayName }),
            message: href ? (
              <Anchor
                href={href}
                size="sm"
                data-testid="converted-deal-link"
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(href);
                }}
              >
                {t('leads.convert.openDeal')}
              </Anchor>
            ) : (
              t('leads.convert.noDeal')
            ),
          });
          close();
        },
        onError: (err) => form.setErrors(fieldErrors(err)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('leads.convert.title')} data-testid="convert-lead-modal">
      <form onSubmit={submit} noValidate data-testid="convert-lead-form">
        <Stack>
          <Text size="sm" c="dimmed">{t('leads.convert.hint', { name: lead.displayName })}</Text>
          {convert.error && Object.keys(form.errors).length === 0 && <ErrorAlert error={convert.error} />}
          <TextInput label={t('leads.convert.dealName')} name="name" required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('leads.convert.amount')} min={0} thousandSeparator="," {...form.getInputProps('amount')} />
            <DateField label={t('leads.convert.closeDate')} name="expectedCloseDate" {...formDateProps(form.getInputProps('expectedCloseDate'))} />
          </SimpleGrid>
          <FormActions onCancel={close} loading={convert.isPending} submitLabel={t('leads.convert.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The row action: a small button that opens the modal; nothing for leads already converted. */
export function ConvertLeadButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (lead.status === 'converted') return null;
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)} data-testid="convert-lead">
        {t('leads.convert.action')}
      </Button>
      {opened && <ConvertLeadModal lead={lead} opened={opened} onClose={() => setOpened(false)} />}
    </>
  );
}
