CREATE TABLE "marketing_group_buy_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"product_id" uuid NOT NULL,
	"variants" jsonb NOT NULL,
	"team_size" integer NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"leader_discount" integer NOT NULL,
	"simulated_fill" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_group_buy_seats" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marketing_group_buy_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"state" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketing_group_buy_seats_customer_idx" ON "marketing_group_buy_seats" USING btree ("customer_id","activity_id");--> statement-breakpoint
CREATE INDEX "marketing_group_buy_seats_team_idx" ON "marketing_group_buy_seats" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "marketing_group_buy_teams_activity_idx" ON "marketing_group_buy_teams" USING btree ("activity_id","state");--> statement-breakpoint
CREATE INDEX "marketing_group_buy_teams_due_idx" ON "marketing_group_buy_teams" USING btree ("state","deadline");