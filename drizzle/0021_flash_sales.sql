CREATE TABLE "marketing_flash_sale_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"state" text NOT NULL,
	"order_id" uuid,
	"released_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_flash_sale_claims_quantity_ck" CHECK ("marketing_flash_sale_claims"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "marketing_flash_sale_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"flash_price" integer NOT NULL,
	"stock" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_flash_sale_items_price_ck" CHECK ("marketing_flash_sale_items"."flash_price" > 0),
	CONSTRAINT "marketing_flash_sale_items_stock_ck" CHECK ("marketing_flash_sale_items"."stock" >= 0 and "marketing_flash_sale_items"."per_customer_limit" >= 1),
	CONSTRAINT "marketing_flash_sale_items_claimed_ck" CHECK ("marketing_flash_sale_items"."claimed" >= 0 and "marketing_flash_sale_items"."claimed" <= "marketing_flash_sale_items"."stock")
);
--> statement-breakpoint
CREATE TABLE "marketing_flash_sale_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_flash_sale_rounds_window_ck" CHECK ("marketing_flash_sale_rounds"."ends_at" > "marketing_flash_sale_rounds"."starts_at")
);
--> statement-breakpoint
CREATE INDEX "marketing_flash_sale_claims_item_idx" ON "marketing_flash_sale_claims" USING btree ("item_id","state");--> statement-breakpoint
CREATE INDEX "marketing_flash_sale_claims_customer_idx" ON "marketing_flash_sale_claims" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_flash_sale_claims_order_idx" ON "marketing_flash_sale_claims" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_flash_sale_items_round_variant_idx" ON "marketing_flash_sale_items" USING btree ("round_id","variant_id");--> statement-breakpoint
CREATE INDEX "marketing_flash_sale_rounds_window_idx" ON "marketing_flash_sale_rounds" USING btree ("starts_at","ends_at");