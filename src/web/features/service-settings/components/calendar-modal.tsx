// Create or edit a business calendar: name, time zone, working intervals per weekday ("09:00-12:00, 13:00-18:00";
// an end before the start runs overnight; empty = closed), holidays as dates.
import { useState } from 'react';
import { Alert, Modal, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { errorMessage } from '../../../lib/error-message';
import { formErrorsFrom } from '../../../lib/form-errors';
import { useSaveCalendar, type Calendar, type WorkingInterval } from '../api/sla';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0]; // Monday first on screen; the API keeps Sunday first
const zones = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Asia/Shanghai'];
  }
})();

const show = (day: WorkingInterval[]) => day.map((i) => `${i.start}-${i.end}`).join(', ');
function parse(text: string): WorkingInterval[] | null {
  const parts = text.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  const out: WorkingInterval[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})$/.exec(p);
    if (!m) return null;
    out.push({ start: m[1]!.padStart(5, '0'), end: m[2]!.padStart(5, '0') });
  }
  return out;
}

export function CalendarModal({ calendar, onClose }: { calendar: Calendar | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const init = calendar === 'new' ? null : calendar;
  const save = useSaveCalendar();
  const [name, setName] = useState(init?.name ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(init?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const nineToSix = [{ start: '09:00', end: '18:00' }];
  const [days, setDays] = useState<string[]>((init?.week ?? [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []]).map(show));
  const [holidays, setHolidays] = useState<string[]>(init?.holidays ?? []);
  const [isDefault, setIsDefault] = useState(init?.isDefault ?? false);
  const errors = save.error ? formErrorsFrom(save.error) : {};
  const parsed = days.map(parse);
  const badHoliday = holidays.find((h) => !/^\d{4}-\d{2}-\d{2}$/.test(h));
  const valid = name.trim() !== '' && !!timeZone && parsed.every(Boolean) && !badHoliday;

  const submit = () => {
    const input = { name: name.trim(), timeZone: timeZone!, week: parsed as WorkingInterval[][], holidays, isDefault };
    save.mutate(init ? { id: init.id, ...input } : input, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t(init ? 'sla.calendars.edit' : 'sla.calendars.add')} size="lg">
      <Stack>
        <TextInput label={t('sla.calendars.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Select label={t('sla.calendars.timeZone')} searchable data={zones} value={timeZone} onChange={setTimeZone} error={errors.timeZone} allowDeselect={false} />
        {WEEK_ORDER.map((d) => (
          <TextInput
            key={d}
            label={t(`sla.weekdays.${d}`)}
            placeholder={t('sla.calendars.closed')}
            value={days[d]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDays((all) => all.map((x, i) => (i === d ? v : x)));
            }}
            error={parsed[d] ? errors[`week.${d}.0.start`] ?? errors[`week.${d}.0.end`] : t('sla.calendars.hoursFormat')}
            data-testid={`weekday-${d}`}
          />
        ))}
        <TagsInput
          label={t('sla.calendars.holidays')}
          description={t('sla.calendars.holidaysHint')}
          placeholder="2026-10-01"
          value={holidays}
          onChange={setHolidays}
          error={badHoliday ? t('sla.calendars.holidayFormat') : undefined}
          clearable
        />
        <Switch label={t('sla.calendars.default')} checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
        <FormActions onCancel={onClose} onSubmit={submit} loading={save.isPending} disabled={!valid} submitLabel={t('sla.save')} />
      </Stack>
    </Modal>
  );
}
