CREATE TABLE "marketing_points_accounts" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer NOT NULL,
	"pending" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_points_check_ins" (
	"customer_id" uuid NOT NULL,
	"day" date NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "marketing_points_check_ins_customer_id_day_pk" PRIMARY KEY("customer_id","day")
);
--> statement-breakpoint
CREATE TABLE "marketing_points_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"pending_delta" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"pending_after" integer NOT NULL,
	"lot_id" uuid,
	"order_id" uuid,
	"reason" text,
	"staff_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_points_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"amount" integer NOT NULL,
	"remaining" integer NOT NULL,
	"credited_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"order_id" uuid
);
--> statement-breakpoint
CREATE TABLE "marketing_points_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"paid_total" integer,
	"earn_base" integer,
	"completed" boolean NOT NULL,
	"cancelled" boolean NOT NULL,
	"kept_amount" integer,
	"pending_applied" integer NOT NULL,
	"earned_applied" integer NOT NULL,
	"redeemed" integer NOT NULL,
	"redeemed_value" integer NOT NULL,
	"returned" integer NOT NULL,
	"redeemed_lots" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketing_points_ledger_customer_idx" ON "marketing_points_ledger" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "marketing_points_ledger_order_idx" ON "marketing_points_ledger" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "marketing_points_lots_customer_idx" ON "marketing_points_lots" USING btree ("customer_id","expires_at") WHERE "marketing_points_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "marketing_points_lots_due_idx" ON "marketing_points_lots" USING btree ("expires_at") WHERE "marketing_points_lots"."remaining" > 0;