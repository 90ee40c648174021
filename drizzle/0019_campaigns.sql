CREATE TABLE "marketing_campaign_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"utm_campaign" text,
	"channel" text NOT NULL,
	"levers" jsonb NOT NULL,
	"gmv" integer NOT NULL,
	"discount" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"store_day" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_campaign_refunds" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"amount" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"summary" jsonb,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"recurrence" jsonb,
	"blocks" jsonb NOT NULL,
	"promotion_ids" jsonb NOT NULL,
	"coupon_template_ids" jsonb NOT NULL,
	"budget" integer,
	"goals" jsonb,
	"channels" jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_customer_first_paid" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_referral_codes" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_referral_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "marketing_referral_devices" (
	"customer_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_referral_devices_customer_id_device_id_pk" PRIMARY KEY("customer_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "marketing_referral_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"paid_total" integer,
	"paid_at" timestamp with time zone,
	"kept_amount" integer,
	"cancelled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inviter_id" uuid NOT NULL,
	"invitee_id" uuid NOT NULL,
	"code" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"bound_at" timestamp with time zone NOT NULL,
	"first_order_id" uuid,
	"first_paid_at" timestamp with time zone,
	"first_paid_total" integer,
	"settled_at" timestamp with time zone,
	"inviter_points" integer DEFAULT 0 NOT NULL,
	"inviter_coupon_id" uuid,
	"inviter_capped" boolean DEFAULT false NOT NULL,
	"invitee_points" integer DEFAULT 0 NOT NULL,
	"invitee_coupon_id" uuid,
	CONSTRAINT "marketing_referrals_invitee_id_unique" UNIQUE("invitee_id")
);
--> statement-breakpoint
CREATE INDEX "marketing_campaign_orders_utm_idx" ON "marketing_campaign_orders" USING btree ("utm_campaign");--> statement-breakpoint
CREATE INDEX "marketing_campaign_orders_paid_idx" ON "marketing_campaign_orders" USING btree ("paid_at");--> statement-breakpoint
CREATE INDEX "marketing_campaign_refunds_order_idx" ON "marketing_campaign_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_campaigns_slug_idx" ON "marketing_campaigns" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "marketing_campaigns_window_idx" ON "marketing_campaigns" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "marketing_referral_devices_device_idx" ON "marketing_referral_devices" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "marketing_referral_orders_customer_idx" ON "marketing_referral_orders" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "marketing_referrals_inviter_idx" ON "marketing_referrals" USING btree ("inviter_id","bound_at");--> statement-breakpoint
CREATE INDEX "marketing_referrals_due_idx" ON "marketing_referrals" USING btree ("state","first_paid_at");