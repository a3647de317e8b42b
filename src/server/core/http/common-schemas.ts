// zod schemas every route module shares: the :id path parameter and the list response envelope.
import { z } from 'zod';

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
