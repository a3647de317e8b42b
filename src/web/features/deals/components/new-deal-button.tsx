// "New deal" on a contact's or company's 360° page: opens the new-deal form with the contact and its company filled in.
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api/get-pipelines';
import { CreateDealModal } from './create-deal-modal';

interface Props {
  contact?: { id: string; displayName: string };
  company?: { id: string; name: string } | null;
}

export function NewDealButton({ contact, company }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((x) => x.isDefault) ?? pipelines.data?.[0];
  return (
    <>
      <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={open} disabled={!pipeline} data-testid="record-new-deal">
        {t('deals.new')}
      </Button>
      {opened && (
        <CreateDealModal
          opened
          pipeline={pipeline}
          onClose={close}
          initial={{ contacts: contact ? [{ contactId: contact.id, displayName: contact.displayName, role: '' }] : [], companyId: company?.id ?? null, companyName: company?.name }}
          onCreated={(d) => {
            close();
            notifications.show({ color: 'green', message: t('deals.created', { name: d.name }) });
          }}
        />
      )}
    </>
  );
}
