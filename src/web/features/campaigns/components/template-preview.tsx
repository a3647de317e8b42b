// The e-mail as a chosen contact would get it: subject line and the HTML in a sandboxed frame (no scripts), at the
// width of the preview pane (phones see the stacked, responsive layout).
import { Card, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { usePreview, type Block } from '../api/campaigns';
import { ContactSelect } from './contact-select';

export function TemplatePreview({ subject, preheader, blocks, language }: { subject: string; preheader: string | null; blocks: Block[]; language: string }) {
  const { t } = useTranslation();
  const [contactId, setContactId] = useState<string | null>(null);
  const [width, setWidth] = useState('600');
  const preview = usePreview();
  const [input] = useDebouncedValue({ subject: subject || '…', preheader, blocks, language, contactId: contactId ?? undefined }, 400);
  const key = JSON.stringify(input);
  useEffect(() => {
    preview.mutate(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div style={{ flex: 1, minWidth: 200 }}>
            <ContactSelect label={t('campaigns.previewAs')} value={contactId} onChange={setContactId} />
          </div>
          <SegmentedControl size="xs" value={width} onChange={setWidth} data={[{ value: '600', label: t('campaigns.desktop') }, { value: '360', label: t('campaigns.phone') }]} />
        </Group>
        {preview.isError && <ErrorAlert error={preview.error} />}
        {preview.isPending && !preview.data && <Loader size="sm" />}
        {preview.data && (
          <>
            <Text size="sm" data-testid="preview-subject">
              <b>{t('campaigns.subject')}:</b> {preview.data.subject}
            </Text>
            <iframe title={t('campaigns.preview')} sandbox="" srcDoc={preview.data.html} style={{ width: '100%', maxWidth: Number(width), height: 520, border: '1px solid #dee2e6', borderRadius: 4, background: '#fff' }} data-testid="preview-frame" />
          </>
        )}
      </Stack>
    </Card>
  );
}
