CREATE TABLE "marketing_coupon_redeem_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"batch" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"redeemed_by" uuid,
	"redeemed_at" timestamp with time zone,
	"coupon_id" uuid
);
--> statement-breakpoint
ALTER TABLE "marketing_coupon_templates" ADD COLUMN "public_code" text;--> statement-breakpoint
CREATE INDEX "marketing_coupon_redeem_codes_template_idx" ON "marketing_coupon_redeem_codes" USING btree ("template_id","batch");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_coupon_templates_public_code_idx" ON "marketing_coupon_templates" USING btree ("public_code");