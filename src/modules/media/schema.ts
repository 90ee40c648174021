import { customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** bytea as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

export const MEDIA_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** Uploaded originals, content-addressed: the same bytes are one asset. Never changed once written. */
export const mediaAssets = pgTable('media_assets', {
  id: uuid('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  format: text('format').$type<MediaFormat>().notNull(),
  /** Intrinsic size as displayed (after EXIF orientation). */
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  byteSize: integer('byte_size').notNull(),
  data: bytea('data').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** WebP renditions, made on first request and kept; keyed by the width they were made at. */
export const mediaRenditions = pgTable(
  'media_renditions',
  {
    assetId: uuid('asset_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.width] })],
);
