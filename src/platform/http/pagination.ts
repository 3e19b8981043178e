import { z } from 'zod';
import { invalid } from '../errors.ts';

/** Cursor pagination over time-sortable ids: the cursor is the last id seen, opaque to clients. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{2,8}_[0-9a-z]{26}$/.test(id))
    throw invalid('cursor is not valid', [{ field: 'cursor', message: 'malformed' }]);
  return id;
}

export function pageEnvelope<T extends { id: string }>(items: T[], limit: number) {
  const hasMore = items.length > limit;
  const page = hasMore ? items.slice(0, limit) : items;
  const last = page.at(-1);
  return { items: page, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

/** Response schema for a page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
