// zod schemas of IM channels (generic signed webhooks and Telegram bots): what an admin sends and what is shown.
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000);
export const imChannelKinds = ['generic', 'telegram'] as const;
export const TELEGRAM_API = 'https://api.telegram.org';

export const genericConfig = z.strictObject({
  /** Where agent replies are POSTed, signed with the channel secret (none: replies stay in Rapport). */
  webhookUrl: httpUrl.nullable().optional(),
});
export const telegramConfig = z.strictObject({
  botToken: z.string().trim().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'a bot token as BotFather gives it, such as 123456:ABC-DEF…'),
  /** The Bot API's address; a local Bot API server or a test fake may stand in for api.telegram.org. */
  apiBaseUrl: httpUrl.optional(),
});

const name = z.string().trim().min(1, 'give the channel a name').max(100);

export const createChannelBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('generic'), name, teamId: z.string().max(100).nullable().optional(), config: genericConfig.default({}) }),
  z.strictObject({ kind: z.literal('telegram'), name, teamId: z.string().max(100).nullable().optional(), config: telegramConfig }),
]);
export type CreateChannelBody = z.infer<typeof createChannelBody>;

export const updateChannelBody = z.strictObject({
  name: name.optional(),
  teamId: z.string().max(100).nullable().optional(),
  enabled: z.boolean().optional(),
  /** Replaces the settings of the channel's kind (a Telegram token left out keeps the stored one). */
  config: z.strictObject({ webhookUrl: httpUrl.nullable().optional(), botToken: telegramConfig.shape.botToken.optional(), apiBaseUrl: httpUrl.optional() }).optional(),
});
export type UpdateChannelBody = z.infer<typeof updateChannelBody>;

export const channelSchema = z.object({
  id: z.string(),
  kind: z.enum(imChannelKinds),
  name: z.string(),
  teamId: z.string().nullable(),
  enabled: z.boolean(),
  /** Settings with the bot token shortened to its bot id. */
  config: z.object({ webhookUrl: z.string().nullable().optional(), botTokenHint: z.string().optional(), apiBaseUrl: z.string().optional() }),
  /** The path the platform posts to (generic: signed JSON; Telegram: setWebhook url with secret_token). */
  inboundPath: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImChannel = z.infer<typeof channelSchema>;
export const channelWithSecret = channelSchema.extend({ secret: z.string() });

/** What a connector posts to /channels/:id/inbound (signed): one customer message in one thread. */
export const genericInbound = z.object({
  messageId: z.string().trim().min(1).max(200),
  threadId: z.string().trim().min(1).max(200),
  text: z.string().max(10_000),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  language: z.string().max(20).optional(),
  sender: z
    .object({
      id: z.string().max(200).optional(),
      name: z.string().max(200).optional(),
      email: z.string().max(320).optional(),
      phone: z.string().max(40).optional(),
    })
    .optional(),
});
export type GenericInbound = z.infer<typeof genericInbound>;
