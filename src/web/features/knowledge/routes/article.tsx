// One knowledge article: the editor (read-only for people who may not edit) beside its version history; or a new one.
import { Anchor, Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageSkeleton } from '../../../components/list-skeleton';
import { PageHeader } from '../../../components/page-header';
import { RecordError } from '../../../components/record-error';
import { useCan } from '../../auth';
import { useArticle } from '../api/knowledge';
import type { ArticleLanguage } from '../api/knowledge-types';
import { ArticleEditor } from '../components/article-editor';
import { VersionHistory } from '../components/version-history';

export function ArticleRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const isNew = id === 'new';
  const editor = useCan('support');
  const article = useArticle(isNew ? undefined : id);
  const back = <Anchor component={Link} to="/knowledge" size="sm">← {t('nav.knowledge')}</Anchor>;
  if (!isNew && article.isPending) return <PageSkeleton />;
  if (!isNew && article.error) return <RecordError error={article.error} onRetry={() => article.refetch()} backTo="/knowledge" backLabel={t('nav.knowledge')} />;
  const lang = search.get('language');
  return (
    <>
      {back}
      <PageHeader title={isNew ? t(search.get('translationOf') ? 'knowledge.newTranslation' : 'knowledge.new') : article.data!.title} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: isNew ? 12 : 8 }}>
          <ArticleEditor
            key={article.data ? `${article.data.id}:${article.data.version}:${article.data.status}` : 'new'}
            article={article.data ?? null}
            editor={editor}
            translationOf={search.get('translationOf') ?? undefined}
            language={lang === 'en' || lang === 'zh-CN' ? (lang as ArticleLanguage) : undefined}
          />
        </Grid.Col>
        {!isNew && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <VersionHistory articleId={id!} canRestore={editor} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
