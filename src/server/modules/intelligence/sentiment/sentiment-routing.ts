// The routing signal: an angry negative message, or negative words from a VIP, asks for a senior agent and one level more priority.
import { registerRoutingSignal } from '../../service/index.js';
import { analyseSentiment } from './analyse-sentiment.js';

registerRoutingSignal('sentiment', (_ticket, text, context) => {
  if (!text.trim()) return null;
  const r = analyseSentiment(text);
  if (r.sentiment !== 'negative') return null;
  const words = r.cues.slice(0, 3).map((c) => `“${c}”`).join(', ');
  if (r.emotion === 'anger') return { priorityUp: true, requireSkill: 'senior', reason: `The customer sounds angry (${words})` };
  if (context?.tier === 'vip') return { priorityUp: true, requireSkill: 'senior', reason: `A VIP customer wrote in negative terms (${words})` };
  return null;
});
