// Asks why a deal was won or lost before it is dropped on an end stage (the server requires a reason).
import { useEffect, useState } from 'react';
import { Checkbox, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageKind } from '../api/deal-types';
import { FormActions } from '../../../components/form-actions';

interface Props {
  kind: StageKind | null;
  dealName: string;
  onCancel: () => void;
  onConfirm: (reason: string, createOrder: boolean) => void;
}

export function CloseReasonModal({ kind, dealName, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [createOrder, setCreateOrder] = useState(true);
  useEffect(() => {
    if (kind) {
      setReason('');
      setCreateOrder(true);
    }
  }, [kind]);
  const won = kind === 'won';
  return (
    <Modal opened={kind !== null} onClose={onCancel} title={won ? t('deals.markWon', { name: dealName }) : t('deals.markLost', { name: dealName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onConfirm(reason.trim(), createOrder);
        }}
        data-testid="close-reason-form"
      >
        <Stack>
          <Textarea
            label={won ? t('deals.wonReason') : t('deals.lostReason')}
            required
            autosize
            minRows={2}
            data-autofocus
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {won && <Checkbox label={t('deals.createOrder')} checked={createOrder} onChange={(e) => setCreateOrder(e.currentTarget.checked)} />}
          <FormActions onCancel={onCancel} color={won ? 'green' : 'red'} disabled={!reason.trim()} submitLabel={won ? t('deals.confirmWon') : t('deals.confirmLost')} />
        </Stack>
      </form>
    </Modal>
  );
}
