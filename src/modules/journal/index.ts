import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { journalMigrations } from './journal.migrations.ts';
import './journal.tables.ts';

definePermissions({
  'journal:read': {
    description: 'Read journal entries, signed heads and proofs',
    minLevel: 'viewer',
    roles: ['auditor'],
  },
});

export const journalModule: Module = {
  name: 'journal',
  migrations: journalMigrations,
};

export { SqlJournal } from './journal.store.ts';
