import type { ReactNode } from 'react';
import {
  type QueryKey,
  type UseInfiniteQueryResult,
  type InfiniteData,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { Page } from '../api/client';
import { type Column, DataTable, LoadMore } from './data-table';
import { EmptyState, ErrorMessage, Loading } from './states';

export interface CursorList<T> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>, unknown>>;
  /** Every item of every page loaded so far. */
  rows: T[];
}

/**
 * A cursor-paginated API list (`?limit=&cursor=` → `{ items, nextCursor }`) as one growing list.
 * `fetchPage(cursor)` loads one page; the first call gets `undefined`.
 */
export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  opts: { enabled?: boolean } = {},
): CursorList<T> {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: opts.enabled ?? true,
  });
  return { query, rows: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** A cursor list as a table with loading, error and empty states and a "Load more" button. */
export function PagedTable<T>({
  list,
  label,
  noun,
  columns,
  rowKey,
  selectedKey,
  empty,
}: {
  list: CursorList<T>;
  /** The table's accessible name. */
  label: string;
  /** Plural noun for "Showing 50 orders". */
  noun: string;
  columns: Array<Column<T>>;
  rowKey: (row: T) => string;
  selectedKey?: string | null;
  /** What to say when the list is empty. */
  empty: ReactNode;
}) {
  const { query, rows } = list;
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <DataTable
        label={label}
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        selectedKey={selectedKey ?? null}
      />
      <LoadMore
        shown={rows.length}
        noun={noun}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
