// Puts the server's (English) messages into the UI language when we know them; unknown ones pass through.
// serverMessages maps exact English sentences (and the words a pattern slots in, via {{x, term}});
// serverPatterns holds the sentences that carry values (see server-message-patterns.ts). English has neither.
import { i18n } from './i18n';
import { matchServerMessage } from './server-message-patterns';

function table(lng: string): Record<string, unknown> | undefined {
  return i18n.getResource(lng, 'translation', 'serverMessages') as Record<string, unknown> | undefined;
}

function lookup(lng: string, text: string): string | undefined {
  const hit = table(lng)?.[text];
  return typeof hit === 'string' ? hit : undefined;
}

// {{kind, term}} in a pattern's translation: a word the server slots in (won, contact, queued…), translated when known.
i18n.services.formatter?.add('term', (value: unknown, lng: string | undefined) => {
  const word = String(value);
  return lookup(lng ?? i18n.language, word) ?? word;
});

export function localizeServerMessage(message: string): string {
  const lng = i18n.language;
  if (!table(lng)) return message;
  const literal = lookup(lng, message);
  if (literal) return literal;
  const match = matchServerMessage(message);
  const key = match && `serverPatterns.${match.key}`;
  return match && key && i18n.exists(key, { lng }) ? i18n.t(key, { ...match.params, lng }) : message;
}
