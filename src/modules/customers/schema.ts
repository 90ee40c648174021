import { sql } from 'drizzle-orm';
import { LOCALES } from '../../platform/i18n.js';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Shoppers. Email is stored lower-cased; a shopper has an email, a mobile number, or both. */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    email: text('email').unique(),
    mobile: text('mobile').unique(),
    /** `scrypt$N$r$p$salt$hash`; null for accounts that cannot sign in with a password (imports). */
    passwordHash: text('password_hash'),
    name: text('name'),
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** Where the shopper came from (organic, sem, seo, email, kol, livestream, short_video, referral, or a utm_source). */
    acquisitionChannel: text('acquisition_channel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('customers_created').on(t.createdAt, t.id)],
);

/** Opaque sessions: only the SHA-256 of the token is kept, so a database leak signs nobody in. */
export const customerSessions = pgTable(
  'customer_sessions',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('customer_sessions_customer').on(t.customerId)],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    recipientName: text('recipient_name').notNull(),
    mobile: text('mobile').notNull(),
    /** GB/T 2260 codes: 2-digit province, 4-digit city, 6-digit district. */
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    districtCode: text('district_code').notNull(),
    detail: text('detail').notNull(),
    postalCode: text('postal_code'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('customer_addresses_customer').on(t.customerId, t.createdAt),
    // At most one default address per shopper, whatever the concurrency.
    uniqueIndex('customer_addresses_one_default').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);

/** Password-reset codes: stored as an HMAC, single use, a few attempts, short-lived. */
export const customerPasswordResets = pgTable(
  'customer_password_resets',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('customer_password_resets_customer').on(t.customerId, t.createdAt)],
);
