// The article editor: title, language (new articles), category and Markdown body; every save is a new version.
// A save names the version it started from, so someone else's newer save is never overwritten silently.
import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useCategories, useCreateArticle, useSaveArticle } from '../api/knowledge';
import type { Article, ArticleLanguage } from '../api/knowledge-types';
import { ArticleActions } from './article-actions';
import { ArticleBadges } from './article-badges';
import { categoryName } from './category-name';
import { MarkdownEditor } from './markdown-editor';

interface Props {
  article: Article | null;
  editor: boolean;
  /** For a new translation: the article translated and the new language. */
  translationOf?: string;
  language?: ArticleLanguage;
}

export function ArticleEditor({ article, editor, translationOf, language: initialLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const create = useCreateArticle();
  const save = useSaveArticle();
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [categoryId, setCategoryId] = useState<string | null>(article?.categoryId ?? null);
  const [language, setLanguage] = useState<ArticleLanguage>(article?.language ?? initialLanguage ?? (i18n.language.startsWith('zh') ? 'zh-CN' : 'en'));
  const dirty = !article || title !== article.title || body !== article.body || categoryId !== article.categoryId;
  const error = create.error ?? save.error;

  const submit = () => {
    if (!article) {
      create.mutate(
        { title, body, language, categoryId: translationOf && categoryId === null ? null : categoryId, ...(translationOf && { translationOf }) },
        { onSuccess: (a) => [notifications.show({ color: 'green', message: t('knowledge.created') }), navigate(`/knowledge/${a.id}`, { replace: true })] },
      );
      return;
    }
    save.mutate({ id: article.id, title, body, categoryId, expectedVersion: article.version }, { onSuccess: (a) => notifications.show({ color: 'green', message: t('knowledge.saved', { n: a.version }) }) });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => [e.preventDefault(), submit()]}>
        <Stack gap="sm">
          {article && <ArticleBadges article={article} />}
          <TextInput label={t('knowledge.editor.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} readOnly={!editor} data-testid="article-title" />
          <Group grow wrap="wrap" gap="sm" align="flex-start">
            <Select
              label={t('knowledge.languageLabel')}
              data={[{ value: 'en', label: t('knowledge.languages.en') }, { value: 'zh-CN', label: t('knowledge.languages.zh-CN') }]}
              value={language}
              onChange={(v) => v && setLanguage(v as ArticleLanguage)}
              disabled={!!article || !!translationOf}
              allowDeselect={false}
              style={{ minWidth: 160 }}
              data-testid="article-language"
            />
            <Select
              label={t('knowledge.categoryLabel')}
              placeholder={translationOf ? t('knowledge.sameCategory') : t('knowledge.noCategory')}
              data={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryName(c, i18n.language) }))}
              value={categoryId}
              onChange={setCategoryId}
              clearable
              readOnly={!editor}
              style={{ minWidth: 160 }}
              data-testid="article-category"
            />
          </Group>
          <MarkdownEditor value={body} onChange={setBody} readOnly={!editor} />
          {error && <ErrorAlert error={error} />}
          <Group justify="space-between" wrap="wrap" gap="xs">
            {article ? <ArticleActions article={article} dirty={dirty} editor={editor} /> : <span />}
            {editor && (
              <Button type="submit" loading={create.isPending || save.isPending} disabled={!dirty || !title.trim()} data-testid="save-article">
                {t(article ? 'knowledge.save' : 'knowledge.createDraft')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
