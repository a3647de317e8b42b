// Asks why a deal was won or lost before it is dropped on an end stage (the server requires a reason): a reason from
// the list admins keep (Settings → Deals), free text, or both ("Price too high: their budget was cut").
import { useEffect, useState } from 'react';
import { Checkbox, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageKind } from '../api/deal-types';
import { useCloseReasons } from '../api/close-reasons';
import { FormActions } from '../../../components/form-actions';

interface Props {
  kind: StageKind | null;
  dealName: string;
  onCancel: () => void;
  onConfirm: (reason: string, createOrder: boolean) => void;
}

export function CloseReasonModal({ kind, dealName, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const won = kind === 'won';
  const reasons = useCloseReasons(won ? 'won' : 'lost', kind !== null && kind !== 'open');
  const [chosen, setChosen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [createOrder, setCreateOrder] = useState(true);
  useEffect(() => {
    if (kind) {
      setChosen(null);
      setText('');
      setCreateOrder(true);
    }
  }, [kind]);
  const reason = [chosen, text.trim()].filter(Boolean).join(': ');
  const options = (reasons.data ?? []).map((r) => r.label);
  return (
    <Modal opened={kind !== null} onClose={onCancel} title={won ? t('deals.markWon', { name: dealName }) : t('deals.markLost', { name: dealName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason) onConfirm(reason, createOrder);
        }}
        data-testid="close-reason-form"
      >
        <Stack>
          {options.length > 0 && (
            <Select
              label={won ? t('deals.wonReason') : t('deals.lostReason')}
              placeholder={t('deals.pickReason')}
              data={options}
              value={chosen}
              onChange={setChosen}
              clearable
              data-autofocus
              data-testid="close-reason-select"
            />
          )}
          <Textarea
            label={options.length > 0 ? t('deals.reasonDetails') : won ? t('deals.wonReason') : t('deals.lostReason')}
            required={options.length === 0 || !chosen}
            autosize
            minRows={2}
            data-autofocus={options.length === 0 || undefined}
            name="reason"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          {won && <Checkbox label={t('deals.createOrder')} checked={createOrder} onChange={(e) => setCreateOrder(e.currentTarget.checked)} />}
          <FormActions onCancel={onCancel} color={won ? 'green' : 'red'} disabled={!reason} submitLabel={won ? t('deals.confirmWon') : t('deals.confirmLost')} />
        </Stack>
      </form>
    </Modal>
  );
}
