import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { privacyMigrations } from './privacy.migrations.ts';
import './privacy.tables.ts';

definePermissions({
  'personal_data:read': {
    description: 'See personal data (names, addresses, contact details) in clear',
    minLevel: 'manager',
    roles: ['privacy_officer'],
  },
});

export const privacyModule: Module = {
  name: 'privacy',
  migrations: privacyMigrations,
};

export { EnvelopeFieldCipher } from './field-cipher.service.ts';
