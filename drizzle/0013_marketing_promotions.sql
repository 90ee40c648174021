CREATE TABLE "marketing_promotions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"action" jsonb NOT NULL,
	"scope" jsonb,
	"conditions" jsonb,
	"stacking" jsonb NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketing_promotions_created_idx" ON "marketing_promotions" USING btree ("created_at","id");