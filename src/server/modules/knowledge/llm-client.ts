// Asks an OpenAI-compatible chat endpoint (POST …/v1/chat/completions) to answer from the given articles only.
// Every call goes through the outbound guard (safeFetch): no private or loopback address unless the operator allows it.
import { safeFetch } from '../../core/net/safe-fetch.js';

export interface LlmConfig {
  url: string;
  model: string;
  apiKey: string | null;
}

export interface GroundingArticle {
  title: string;
  text: string;
}

/** What the model answers when the articles do not say; the bot then hands over. */
export const NO_ANSWER = 'NO_ANSWER';
const ARTICLE_CHARS = 4000;

export function completionsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed.endsWith('/chat/completions')) return trimmed;
  return trimmed.endsWith('/v1') ? `${trimmed}/chat/completions` : `${trimmed}/v1/chat/completions`;
}

export function groundedPrompt(question: string, language: string, articles: GroundingArticle[]) {
  const lang = language === 'zh-CN' ? 'Simplified Chinese' : 'English';
  const system =
    `You answer customers' questions for a help desk using ONLY the help articles given below. ` +
    `Do not use any other knowledge. If the articles do not contain the answer, reply with exactly ${NO_ANSWER} and nothing else. ` +
    `Answer in ${lang}, in at most a few sentences.`;
  const context = articles.map((a, i) => `[${i + 1}] ${a.title}\n${a.text.slice(0, ARTICLE_CHARS)}`).join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Help articles:\n\n${context}\n\nQuestion: ${question}` },
  ];
}

async function readAll(body: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The model's answer, or null when it said it does not know. Throws when the endpoint fails (the bot then answers from the articles). */
export async function askModel(cfg: LlmConfig, question: string, language: string, articles: GroundingArticle[]): Promise<string | null> {
  const url = completionsUrl(cfg.url);
  const res = await safeFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(cfg.apiKey && { authorization: `Bearer ${cfg.apiKey}` }) },
    body: JSON.stringify({ model: cfg.model || 'default', temperature: 0, messages: groundedPrompt(question, language, articles) }),
    maxBytes: 256 * 1024,
    timeoutMs: 30_000,
    maxRedirects: 0,
    field: 'llmUrl',
  });
  const text = await readAll(res.body);
  if (res.status < 200 || res.status >= 300) throw new Error(`the model endpoint answered ${res.status}`);
  let content: unknown;
  try {
    content = (JSON.parse(text) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
  } catch {
    content = undefined;
  }
  if (typeof content !== 'string') throw new Error('the model endpoint did not answer with a chat completion');
  const answer = content.trim();
  return !answer || answer.includes(NO_ANSWER) ? null : answer;
}
