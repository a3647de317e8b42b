// An article body as the server rendered it from Markdown. The server renders with raw HTML off and unsafe links
// refused (modules/knowledge/markdown.ts), so this HTML carries no script of the author's.
import { Typography } from '@mantine/core';

export function ArticleHtml({ html, testId }: { html: string; testId?: string }) {
  return <Typography style={{ overflowWrap: 'anywhere' }} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
