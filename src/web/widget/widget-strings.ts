// The chat widget's words in English and Chinese, chosen by the host page's language (<html lang>).
export const widgetStrings = {
  en: {
    open: 'Chat with us',
    close: 'Close',
    name: 'Your name',
    email: 'Email (optional)',
    start: 'Start chat',
    placeholder: 'Type a message…',
    send: 'Send',
    transcript: 'Email me this chat',
    transcriptSent: 'Sent to your email.',
    you: 'You',
    agent: 'Support',
    bot: 'Assistant',
    offline: 'Reconnecting… messages are still sent.',
    tooFast: 'You are sending messages too fast; wait a moment.',
    tooLong: 'That message is too long.',
    failed: 'The message could not be sent; try again.',
    unavailable: 'This chat is not available.',
  },
  'zh-CN': {
    open: '在线咨询',
    close: '关闭',
    name: '您的称呼',
    email: '邮箱（可选）',
    start: '开始聊天',
    placeholder: '输入消息……',
    send: '发送',
    transcript: '把聊天记录发到我的邮箱',
    transcriptSent: '已发送到您的邮箱。',
    you: '您',
    agent: '客服',
    bot: '智能助手',
    offline: '正在重新连接……消息仍会发送。',
    tooFast: '您发送得太快了，请稍候。',
    tooLong: '消息太长了。',
    failed: '消息发送失败，请重试。',
    unavailable: '此在线聊天不可用。',
  },
} as const;

export type WidgetLanguage = keyof typeof widgetStrings;
export type WidgetText = (typeof widgetStrings)[WidgetLanguage];

export const pageLanguage = (): WidgetLanguage => (document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
