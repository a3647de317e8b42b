// Knowledge page: articles with search and filters, categories, a link to the public help centre, and "Try the bot".
import { useState } from 'react';
import { Button, Grid } from '@mantine/core';
import { IconBook, IconExternalLink, IconPlus, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { PagedList } from '../../../components/paged-list';
import { useUrlParams } from '../../../hooks/use-url-params';
import { useCan } from '../../auth';
import { useArticleList } from '../api/knowledge';
import { ArticleFilters } from '../components/article-filters';
import { ArticlesList } from '../components/articles-list';
import { CategoryManager } from '../components/category-manager';
import { TryBot } from '../components/try-bot';

const KEYS = ['q', 'status', 'language', 'categoryId'] as const;

export function KnowledgeRoute() {
  const { t, i18n } = useTranslation();
  const editor = useCan('support');
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const [p, setP] = useUrlParams(KEYS);
  const list = useArticleList({ q: p.q || undefined, status: p.status || undefined, language: p.language || undefined, categoryId: p.categoryId || undefined });
  const rows = list.data?.pages.flatMap((pg) => pg.data) ?? [];
  const filtered = Boolean(p.q || p.status || p.language || p.categoryId);
  const helpLang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';

  return (
    <>
      <PageHeader
        title={t('nav.knowledge')}
        actions={
          <>
            <Button component="a" href={`/help?lang=${helpLang}`} target="_blank" variant="default" leftSection={<IconExternalLink size={16} />}>{t('knowledge.helpCentre')}</Button>
            {editor && <Button variant="default" leftSection={<IconTags size={16} />} onClick={() => setCategoriesOpen(true)}>{t('knowledge.categories.button')}</Button>}
            {editor && <Button component={Link} to="/knowledge/new" leftSection={<IconPlus size={16} />} data-testid="new-article">{t('knowledge.new')}</Button>}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ArticleFilters values={p} onChange={setP} />
          <PagedList
            query={list}
            shown={rows.length}
            empty={
              <EmptyState
                icon={<IconBook size={28} />}
                title={filtered ? t('knowledge.noMatches') : t('knowledge.empty')}
                description={filtered ? t('common.tryOtherFilters') : t(editor ? 'knowledge.emptyHint' : 'knowledge.emptyHintReader')}
                action={!filtered && editor && <Button component={Link} to="/knowledge/new">{t('knowledge.new')}</Button>}
              />
            }
          >
            <ArticlesList articles={rows} />
          </PagedList>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TryBot />
        </Grid.Col>
      </Grid>
      <CategoryManager opened={categoriesOpen} onClose={() => setCategoriesOpen(false)} />
    </>
  );
}
