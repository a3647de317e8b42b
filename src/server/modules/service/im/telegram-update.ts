// The part of a Telegram Bot API Update that Rapport reads (https://core.telegram.org/bots/api#update).
import { z } from 'zod';

const user = z.object({ id: z.number(), is_bot: z.boolean().optional(), first_name: z.string().max(300), last_name: z.string().max(300).optional(), username: z.string().max(100).optional(), language_code: z.string().max(20).optional() });
const chat = z.object({ id: z.number(), type: z.string().max(30), title: z.string().max(300).optional(), username: z.string().max(100).optional() });
const message = z.object({
  message_id: z.number(),
  from: user.optional(),
  chat,
  date: z.number(),
  text: z.string().max(10_000).optional(),
  caption: z.string().max(10_000).optional(),
});
export const telegramUpdate = z.object({ update_id: z.number(), message: message.optional() });
export type TelegramUpdate = z.infer<typeof telegramUpdate>;
