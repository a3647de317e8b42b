// Create or edit one scoring rule: attribute (field/operator/value) or behaviour (event/half-life), with its points.
import { useState } from 'react';
import { Alert, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../../api/shared-queries';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { SCORING_EVENTS, SCORING_FIELDS, useSaveScoringRule, type ScoringOperator, type ScoringRule } from '../api/lead-rules';
import { FormActions } from '../../../components/form-actions';

export function ScoringRuleModal({ rule, onClose }: { rule: ScoringRule | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const init = rule === 'new' ? null : rule;
  const save = useSaveScoringRule();
  const [kind, setKind] = useState<'attribute' | 'behaviour'>(init?.kind ?? 'attribute');
  const [name, setName] = useState(init?.name ?? '');
  const [field, setField] = useState<string>(init?.field ?? 'title');
  const [operator, setOperator] = useState<ScoringOperator>(init?.operator ?? 'equals');
  const [text, setText] = useState(typeof init?.value === 'string' ? init.value : '');
  const [list, setList] = useState<string[]>(Array.isArray(init?.value) ? init.value : []);
  const [event, setEvent] = useState<string>(init?.event ?? 'email_opened');
  const [points, setPoints] = useState<number | string>(init?.points ?? 10);
  const [halfLife, setHalfLife] = useState<number | string>(init?.halfLifeDays ?? '');
  const [active, setActive] = useState(init?.active ?? true);
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const customFields = useCustomFields('contact');
  const cfOptions = (customFields.data ?? []).map((cf) => ({ value: `cf.${cf.key}`, label: cf.label }));
  const fieldOptions = [
    ...SCORING_FIELDS.map((f) => ({ value: f, label: t(`leadRules.fields.${f}`) })),
    ...cfOptions,
    ...(field.startsWith('cf.') && !cfOptions.some((o) => o.value === field) ? [{ value: field, label: field }] : []),
  ];
  const value = operator === 'in' ? list : text.trim();
  const valid = name.trim() !== '' && points !== '' && (kind === 'behaviour' || (operator === 'in' ? list.length > 0 : text.trim() !== ''));

  const submit = () => {
    const common = { name: name.trim(), points: Number(points), active };
    const input =
      kind === 'attribute'
        ? { ...common, field, operator, value }
        : { ...common, event: event as ScoringRule['event'], halfLifeDays: halfLife === '' ? null : Number(halfLife) };
    save.mutate(init ? { id: init.id, ...input } : { kind, ...input }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t(init ? 'leadRules.scoring.edit' : 'leadRules.scoring.add')} size="lg">
      <Stack>
        {!init && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as 'attribute' | 'behaviour')}
            data={[
              { value: 'attribute', label: t('leadRules.scoring.kinds.attribute') },
              { value: 'behaviour', label: t('leadRules.scoring.kinds.behaviour') },
            ]}
          />
        )}
        <TextInput label={t('leadRules.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        {kind === 'attribute' ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={t('leadRules.scoring.field')} data={fieldOptions} value={field} onChange={(v) => v && setField(v)} allowDeselect={false} />
              <Select
                label={t('leadRules.scoring.operator')}
                data={(['equals', 'contains', 'in'] as const).map((o) => ({ value: o, label: t(`leadRules.operators.${o}`) }))}
                value={operator}
                onChange={(v) => v && setOperator(v as ScoringOperator)}
                allowDeselect={false}
              />
            </SimpleGrid>
            {operator === 'in' ? (
              <TagsInput label={t('leadRules.scoring.values')} description={t('leadRules.scoring.valuesHint')} required value={list} onChange={setList} error={errors.value} />
            ) : (
              <TextInput label={t('leadRules.scoring.value')} required value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.value} />
            )}
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('leadRules.scoring.event')}
              data={SCORING_EVENTS.map((e) => ({ value: e, label: t(`leadRules.events.${e}`) }))}
              value={event}
              onChange={(v) => v && setEvent(v)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('leadRules.scoring.halfLife')}
              description={t('leadRules.scoring.halfLifeHint')}
              min={0.1}
              max={3650}
              value={halfLife}
              onChange={setHalfLife}
              error={errors.halfLifeDays}
            />
          </SimpleGrid>
        )}
        <NumberInput label={t('leadRules.scoring.points')} description={t('leadRules.scoring.pointsHint')} required min={-1000} max={1000} value={points} onChange={setPoints} error={errors.points} />
        <Switch label={t('leadRules.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        <FormActions onCancel={onClose} onSubmit={submit} loading={save.isPending} disabled={!valid} submitLabel={t('leadRules.save')} />
      </Stack>
    </Modal>
  );
}
