CREATE TABLE "marketing_growth_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"growth_after" integer NOT NULL,
	"tier_before" text NOT NULL,
	"tier_after" text NOT NULL,
	"order_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_member_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"paid_total" integer,
	"growth_base" integer,
	"kept_amount" integer,
	"applied" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_members" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"growth" integer NOT NULL,
	"tier_since" timestamp with time zone NOT NULL,
	"birthday" date,
	"birthday_gift_year" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketing_growth_ledger_customer_idx" ON "marketing_growth_ledger" USING btree ("customer_id","id");