CREATE TABLE "marketing_coupon_claims" (
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "marketing_coupon_claims_template_id_customer_id_pk" PRIMARY KEY("template_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "marketing_coupon_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"coupon_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"event" text NOT NULL,
	"order_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_coupon_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"action" jsonb NOT NULL,
	"scope" jsonb,
	"with_promotions" boolean NOT NULL,
	"with_points" boolean NOT NULL,
	"total_quantity" integer,
	"claimed" integer NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"claim_from" timestamp with time zone,
	"claim_until" timestamp with time zone,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"valid_days" integer,
	"refund_rule" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_coupons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"order_id" uuid,
	"claimed_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "marketing_coupon_ledger_coupon_idx" ON "marketing_coupon_ledger" USING btree ("coupon_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_coupons_code_idx" ON "marketing_coupons" USING btree ("code");--> statement-breakpoint
CREATE INDEX "marketing_coupons_customer_idx" ON "marketing_coupons" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "marketing_coupons_order_idx" ON "marketing_coupons" USING btree ("order_id");