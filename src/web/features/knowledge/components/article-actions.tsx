// What an editor can do with a saved article: publish or unpublish, see it on the help centre, translate it, delete it.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconLanguage, IconTrash, IconWorldUpload, IconWorldOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteArticle, usePublishArticle } from '../api/knowledge';
import type { Article } from '../api/knowledge-types';

export function ArticleActions({ article, dirty, editor }: { article: Article; dirty: boolean; editor: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishArticle();
  const remove = useDeleteArticle();
  const other = article.language === 'en' ? 'zh-CN' : 'en';
  const translation = article.translations.find((x) => x.language === other);
  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err, t) });
  const toggle = (on: boolean) =>
    publish.mutate({ id: article.id, publish: on }, { onSuccess: () => notifications.show({ color: 'green', message: t(on ? 'knowledge.published' : 'knowledge.unpublished') }), onError: fail });
  const confirmDelete = () => {
    if (window.confirm(t('knowledge.deleteConfirm', { title: article.title }))) remove.mutate(article.id, { onSuccess: () => navigate('/knowledge'), onError: fail });
  };
  return (
    <Group gap="xs" wrap="wrap">
      {editor && (article.status === 'draft' || article.hasUnpublishedChanges) && (
        <Button leftSection={<IconWorldUpload size={16} />} color="green" onClick={() => toggle(true)} loading={publish.isPending} disabled={dirty} data-testid="publish-article">
          {t(article.status === 'draft' ? 'knowledge.publish' : 'knowledge.publishChanges')}
        </Button>
      )}
      {editor && article.status === 'published' && (
        <Button variant="default" leftSection={<IconWorldOff size={16} />} onClick={() => toggle(false)} loading={publish.isPending} data-testid="unpublish-article">{t('knowledge.unpublish')}</Button>
      )}
      {article.status === 'published' && (
        <Button component="a" href={`/help/${article.slug}`} target="_blank" variant="default" leftSection={<IconExternalLink size={16} />} data-testid="view-on-help">{t('knowledge.viewOnHelp')}</Button>
      )}
      {translation ? (
        <Button component={Link} to={`/knowledge/${translation.id}`} variant="subtle" leftSection={<IconLanguage size={16} />}>{t(`knowledge.languages.${other}`)}</Button>
      ) : (
        editor && <Button component={Link} to={`/knowledge/new?translationOf=${article.id}&language=${other}`} variant="subtle" leftSection={<IconLanguage size={16} />} data-testid="add-translation">{t('knowledge.addTranslation', { language: t(`knowledge.languages.${other}`) })}</Button>
      )}
      {editor && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>{t('common.delete')}</Button>}
    </Group>
  );
}
