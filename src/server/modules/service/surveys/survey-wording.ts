// What a survey says to the customer, in English or Chinese (the ticket's language; English when unknown).
export type SurveyLang = 'en' | 'zh-CN';
export const surveyLang = (language: string | null | undefined): SurveyLang => (language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

export const surveyBaseUrl = () => (process.env.RAPPORT_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');

interface Ticket {
  number: number;
  subject: string;
}

export function surveyEmail(lang: SurveyLang, t: Ticket, link: string): { subject: string; body: string } {
  const scores = [1, 2, 3, 4, 5].map((n) => `  ${n} ${'★'.repeat(n)}: ${link}?score=${n}`).join('\n');
  if (lang === 'zh-CN') {
    return {
      subject: `您对工单 #${t.number} 的服务满意吗？`,
      body: `您好！\n\n您的工单 #${t.number}「${t.subject}」已解决。请点击一个分数告诉我们您的满意度（1 = 很不满意，5 = 非常满意）：\n\n${scores}\n\n也可以打开 ${link} 留下意见。链接 30 天内有效。\n\n谢谢！`,
    };
  }
  return {
    subject: `How did we do on ticket #${t.number}?`,
    body: `Hello,\n\nYour ticket #${t.number} "${t.subject}" has been solved. Please click a score to tell us how satisfied you are (1 = very unsatisfied, 5 = very satisfied):\n\n${scores}\n\nOr open ${link} to leave a comment. The link works for 30 days.\n\nThank you!`,
  };
}

export function surveyChatMessage(lang: SurveyLang, t: Ticket, link: string): string {
  return lang === 'zh-CN'
    ? `您的问题（工单 #${t.number}）已解决。请为本次服务打分：${link}`
    : `Your request (ticket #${t.number}) has been solved. Please rate our help: ${link}`;
}
