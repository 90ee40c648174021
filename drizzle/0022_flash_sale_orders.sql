ALTER TABLE "marketing_flash_sale_items" DROP CONSTRAINT "marketing_flash_sale_items_claimed_ck";--> statement-breakpoint
ALTER TABLE "marketing_flash_sale_claims" ADD COLUMN "address_id" uuid;--> statement-breakpoint
ALTER TABLE "marketing_flash_sale_claims" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "marketing_flash_sale_items" ADD COLUMN "returned" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "marketing_flash_sale_items" ADD CONSTRAINT "marketing_flash_sale_items_claimed_ck" CHECK ("marketing_flash_sale_items"."claimed" >= 0 and "marketing_flash_sale_items"."returned" >= 0 and "marketing_flash_sale_items"."claimed" + "marketing_flash_sale_items"."returned" <= "marketing_flash_sale_items"."stock");