// The article body in Markdown, with a preview rendered by the server exactly as the help centre will show it.
import { useState } from 'react';
import { Loader, Tabs, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { usePreview } from '../api/knowledge';
import { ArticleHtml } from './article-html';

export function MarkdownEditor({ value, onChange, readOnly }: { value: string; onChange: (v: string) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  const preview = usePreview();
  const show = (next: string | null) => {
    setTab(next);
    if (next === 'preview') preview.mutate(value);
  };
  return (
    <Tabs value={tab} onChange={show} keepMounted={false}>
      <Tabs.List mb="xs">
        <Tabs.Tab value="write">{t('knowledge.editor.write')}</Tabs.Tab>
        <Tabs.Tab value="preview" data-testid="preview-tab">{t('knowledge.editor.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write">
        <Textarea
          aria-label={t('knowledge.editor.body')}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          readOnly={readOnly}
          autosize
          minRows={12}
          maxRows={40}
          maxLength={100_000}
          styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 14 } }}
          data-testid="article-body"
        />
        <Text size="xs" c="dimmed" mt={4}>{t('knowledge.editor.markdownHint')}</Text>
      </Tabs.Panel>
      <Tabs.Panel value="preview">
        {preview.isPending && <Loader size="sm" />}
        {preview.error && <ErrorAlert error={preview.error} />}
        {preview.data !== undefined && <ArticleHtml html={preview.data} testId="article-preview" />}
      </Tabs.Panel>
    </Tabs>
  );
}
