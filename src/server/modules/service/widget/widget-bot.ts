// The widget's bot: a visitor's message in a conversation no person has taken yet is answered from the published
// knowledge articles when the knowledge bot is confident; otherwise it says a person will answer, once, and keeps quiet.
import type { Db } from '../../../core/db/database.js';
import { answerFromKnowledge } from '../../knowledge/index.js';
import { appendMessage } from '../conversations/append-message.js';
import { onMessageStored, type StoredMessage } from '../conversations/message-hooks.js';
import { loadWidgetChannel } from './widget-channels.js';

export const handoverText = {
  en: 'I could not find an answer to that. A person will answer shortly.',
  'zh-CN': '抱歉，我没有找到答案。客服人员会尽快回复您。',
} as const;

const seeMore = { en: 'More:', 'zh-CN': '更多：' } as const;

const languageOf = (stored: StoredMessage): 'en' | 'zh-CN' =>
  stored.conversation.language === 'zh-CN' || (!stored.conversation.language && /[\u4e00-\u9fff]/.test(stored.message.bodyText)) ? 'zh-CN' : 'en';

/** The bot speaks only until a person takes over: no assignee, no agent reply and no handover yet. */
async function botMayAnswer(db: Db, stored: StoredMessage): Promise<boolean> {
  const { message, conversation } = stored;
  if (message.direction !== 'in' || message.authorKind !== 'contact' || conversation.channelKind !== 'chat' || !conversation.channelId) return false;
  if (conversation.assigneeId) return false;
  const channel = await loadWidgetChannel(db, conversation.channelId);
  if (!channel?.config.botEnabled) return false;
  const person = await db.kysely
    .selectFrom('messages')
    .select('id')
    .where('conversationId', '=', conversation.id)
    .where((eb) => eb.or([eb('authorKind', '=', 'agent'), eb.and([eb('authorKind', '=', 'bot'), eb('headers', 'like', '%"handover":true%')])]))
    .where('private', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return !person;
}

export async function answerWithBot(db: Db, stored: StoredMessage): Promise<void> {
  if (!(await botMayAnswer(db, stored))) return;
  const language = languageOf(stored);
  const result = await answerFromKnowledge(db, { question: stored.message.bodyText, language });
  const target = { conversationId: stored.conversation.id, channelKind: stored.conversation.channelKind };
  if (result.answer && !result.handover) {
    const links = result.articles.slice(0, 2).map((a) => `• ${a.title} (/help/${a.slug})`);
    const body = links.length ? `${result.answer}\n\n${seeMore[language]}\n${links.join('\n')}` : result.answer;
    await appendMessage(db, target, { direction: 'out', authorKind: 'bot', bodyText: body, status: 'sent', headers: { bot: { confidence: result.confidence, source: result.source, articles: result.articles.map((a) => a.id) } } });
    return;
  }
  await appendMessage(db, target, { direction: 'out', authorKind: 'bot', bodyText: handoverText[language], status: 'sent', headers: { handover: true, bot: { confidence: result.confidence } } });
}

onMessageStored('widget.bot', answerWithBot);
