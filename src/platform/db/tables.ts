/**
 * The database schema as one Kysely interface, assembled by declaration merging: each module declares
 * its own tables in its `*.tables.ts` with
 *
 *   declare module '../../platform/db/tables.ts' { interface Tables { products: ProductTable } }
 *
 * so modules own their tables without a shared file to edit.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface Tables {}
