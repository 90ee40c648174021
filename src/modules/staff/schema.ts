import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from './permissions.js';

/** People who run the store. Passwords are scrypt hashes (see passwords.ts); emails are stored lower-case. */
export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

/**
 * Signed-in staff sessions. Only the SHA-256 of the token is stored, so a leaked table does not
 * let anyone sign in; the token itself lives in the `sk_admin` cookie or the API client.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('staff_sessions_staff').on(t.staffId)],
);
