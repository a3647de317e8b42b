// Shows an e-mail message's body: its HTML as sanitised by the server inside a sandboxed frame (no script can run,
// a content policy lets no remote request out) with remote images held back until "Show images"; else the text.
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Loader, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMessageHtml } from '../api/email';

export interface MessageBodyProps {
  messageId: string;
  bodyText: string;
  /** True when the message has an HTML part (messages.bodyHtml is set). */
  hasHtml: boolean;
}

const frameDoc = (html: string, images: boolean) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'${images ? ' https: http:' : ''}; font-src data:"><base target="_blank"><style>body{margin:0;font:14px/1.5 system-ui,sans-serif;word-wrap:break-word}img{max-width:100%;height:auto}</style></head><body>${html}</body></html>`;

export function MessageBody({ messageId, bodyText, hasHtml }: MessageBodyProps) {
  const { t } = useTranslation();
  const [images, setImages] = useState(false);
  const html = useMessageHtml(messageId, images, hasHtml);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  useEffect(() => setImages(false), [messageId]);

  if (!hasHtml || html.isError || (html.data && html.data.html === null)) {
    return <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="message-text">{bodyText}</Text>;
  }
  if (!html.data) return <Loader size="sm" />;
  // Same origin without scripts: the page can measure the frame; nothing inside it can run.
  const fit = () => setHeight(Math.min(4000, (frame.current?.contentDocument?.documentElement.scrollHeight ?? 80) + 8));
  return (
    <div data-testid="message-html">
      {html.data.blockedImages > 0 && !images && (
        <Group gap="xs" mb="xs">
          <Text size="xs" c="dimmed">{t('email.body.imagesBlocked', { count: html.data.blockedImages })}</Text>
          <Button size="compact-xs" variant="light" leftSection={<IconPhoto size={12} />} onClick={() => setImages(true)} data-testid="show-images">{t('email.body.showImages')}</Button>
        </Group>
      )}
      <iframe
        ref={frame}
        title={t('email.body.frameTitle')}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={frameDoc(html.data.html ?? '', images)}
        onLoad={fit}
        style={{ width: '100%', height, border: 0, display: 'block' }}
      />
    </div>
  );
}
