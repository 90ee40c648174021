import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Localized } from '../../platform/i18n.js';
import { PRODUCT_STATUSES } from './statuses.js';

export interface ProductOption {
  code: string;
  name: Localized;
  values: Array<{ code: string; name: Localized }>;
}
export interface ProductImage {
  url: string;
  width: number;
  height: number;
  alt: Localized;
}
export interface ProductAttribute {
  name: Localized;
  value: Localized;
}

export const categories = pgTable(
  'catalog_categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    slug: text('slug').notNull().unique(),
    name: jsonb('name').$type<Localized>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('catalog_categories_parent').on(t.parentId)],
);

export const brands = pgTable('catalog_brands', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<Localized>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A new launch members of some tiers may buy before everyone else (tier codes of the membership programme). */
export interface EarlyAccess {
  tiers: string[];
  /** ISO 8601: from this instant anyone may buy it. */
  publicAt: string;
}

export const products = pgTable(
  'catalog_products',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: jsonb('title').$type<Localized>().notNull(),
    subtitle: jsonb('subtitle').$type<Localized>(),
    description: jsonb('description').$type<Localized>(),
    categoryId: uuid('category_id').notNull(),
    brandId: uuid('brand_id'),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull(),
    privateLabel: boolean('private_label').notNull().default(false),
    exclusive: boolean('exclusive').notNull().default(false),
    /** 会员抢先购: before `publicAt` only members of these tiers may buy it (everyone may see it). */
    earlyAccess: jsonb('early_access').$type<EarlyAccess>(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    attributes: jsonb('attributes').$type<ProductAttribute[]>().notNull().default([]),
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    images: jsonb('images').$type<ProductImage[]>().notNull().default([]),
    /** Denormalised from the active variants, for sorting and price filters. */
    priceMin: integer('price_min').notNull().default(0),
    priceMax: integer('price_max').notNull().default(0),
    /** Units sold, maintained from paid orders (events), for the "sales" sort. */
    salesCount: integer('sales_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('catalog_products_status_created').on(t.status, t.createdAt, t.id),
    index('catalog_products_category').on(t.categoryId),
    index('catalog_products_brand').on(t.brandId),
  ],
);

export const variants = pgTable(
  'catalog_variants',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull().unique(),
    /** Option code → value code, e.g. { color: 'black', size: 'm' }. */
    optionValues: jsonb('option_values').$type<Record<string, string>>().notNull().default({}),
    price: integer('price').notNull(),
    listPrice: integer('list_price'),
    cost: integer('cost'),
    weightGrams: integer('weight_grams').notNull().default(0),
    barcode: text('barcode'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('catalog_variants_product').on(t.productId)],
);
