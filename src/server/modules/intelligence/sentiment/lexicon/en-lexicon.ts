// English word lists: AFINN-165 (from the `sentiment` package) with our own additions for service messages, negators, degree, contrast and emotion words.
import { createRequire } from 'node:module';

const words = (s: string) => s.trim().split(/\s+/);
const afinn = createRequire(import.meta.url)('sentiment/languages/en/labels.json') as Record<string, number>;

// Words AFINN lacks or scores oddly for customer messages (AFINN is -5..5; we use it / 2).
const ours: Record<string, number> = Object.fromEntries([
  ...words(`broken defective faulty damaged refund return returned returning slow slower delayed delay late overpriced crap junk flimsy cheaply
    unusable useless unreliable buggy crashes crashed crashing freezes froze laggy leaks leaking leaked missing wrong incorrect rude unhelpful
    unresponsive ignored mediocre bland stale soggy overcooked undercooked tasteless greasy lukewarm cold dirty filthy noisy uncomfortable
    waste wasted poorly mess disappointing disappointment disappointed worse worst issue issues problem problems fail fails failed failure
    complaint complain cancel cancelled canceled charged overcharged unacceptable ridiculous terrible horrible awful sucks sucked`).map((w) => [w, -1.5]),
  ...words(`excellent great awesome amazing fantastic wonderful perfect perfectly love loved loves lovely delicious tasty fresh friendly helpful
    recommend recommended reliable sturdy comfortable fast quick quickly prompt easy smooth works worked working solid impressed impressive
    satisfied pleased happy glad best nice good well fine fixed resolved solved thank thanks grateful appreciate appreciated thankful`).map((w) => [w, 1.5]),
]);

/** Sentiment words → value on our -2.5..2.5 scale. */
export const enSentiment = new Map<string, number>();
for (const [w, v] of Object.entries(afinn)) if (!w.includes(' ')) enSentiment.set(w, v / 2);
for (const [w, v] of Object.entries(ours)) if (!enSentiment.has(w)) enSentiment.set(w, v);
// Words that AFINN scores but that are mostly neutral in product and service talk.
for (const w of words(`like please pretty want kind support help no yes ok okay big well cool care`)) enSentiment.delete(w);

export const enNegators = new Set(words(`not no never none nobody nothing neither nor without hardly barely cannot lack lacks lacking`));

export const enDegree = new Map<string, number>([
  ...words(`very really so extremely too super highly absolutely totally completely incredibly utterly truly seriously especially most
    terribly awfully insanely ridiculously exceptionally`).map((w) => [w, 1.8] as const),
  ...words(`quite pretty rather fairly more`).map((w) => [w, 1.3] as const),
  ...words(`slightly somewhat bit little kinda sorta marginally mildly partly less`).map((w) => [w, 0.6] as const),
]);

export const enContrast = new Set(words(`but however yet though although nevertheless nonetheless except unfortunately still`));
export const enConcession = new Set(words(`although though despite while whereas even`));

export const enEmotion: Record<'anger' | 'disappointment' | 'anxiety' | 'joy' | 'gratitude', Map<string, number>> = {
  anger: new Map([
    ...words(`angry furious outraged outrageous livid pissed mad rage enraged infuriating infuriated unacceptable ridiculous disgusting disgusted
      scam scammed fraud fraudulent ripoff rip-off cheated cheat liar lied lies sue lawyer lawsuit report hate hated hates insulting insult
      rude worst pathetic joke shameful shame disgrace bullshit crap damn wtf`).map((w) => [w, 2] as const),
    ...words(`annoyed annoying irritated irritating frustrated frustrating fed sick tired complaint complain ignored ignoring unprofessional
      incompetent useless terrible horrible awful`).map((w) => [w, 1] as const),
  ]),
  disappointment: new Map([
    ...words(`disappointed disappointing disappointment letdown underwhelming underwhelmed regret regrets sadly unfortunately expected hoped
      mediocre meh waste wasted shame sad unhappy dissatisfied poor average overrated overpriced worse bland`).map((w) => [w, 1.5] as const),
  ]),
  anxiety: new Map([
    ...words(`worried worry worrying anxious nervous concerned concern afraid scared urgent urgently asap emergency immediately still yet
      waiting wait waited when help stuck hurry desperate panic lost overdue pending`).map((w) => [w, 1.2] as const),
  ]),
  joy: new Map([
    ...words(`happy glad delighted love loved loving awesome amazing excellent great fantastic wonderful perfect thrilled excited joy enjoy
      enjoyed pleased satisfied yay wow superb brilliant`).map((w) => [w, 1.2] as const),
  ]),
  gratitude: new Map([
    ...words(`thank thanks thankyou thx grateful gratitude appreciate appreciated appreciative thankful kudos cheers`).map((w) => [w, 2] as const),
  ]),
};
