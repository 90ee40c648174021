CREATE TABLE "after_sale_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"whole_order" boolean NOT NULL,
	"lines" jsonb NOT NULL,
	"items_amount" integer NOT NULL,
	"shipping_amount" integer NOT NULL,
	"amount" integer NOT NULL,
	"requested_amount" integer,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"restock" boolean NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"executed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment_shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "fulfilment_tracking_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"description" jsonb NOT NULL,
	"location" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "after_sale_refunds_order" ON "after_sale_refunds" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "after_sale_refunds_status" ON "after_sale_refunds" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "fulfilment_shipments_order" ON "fulfilment_shipments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_shipments_waybill" ON "fulfilment_shipments" USING btree ("carrier","tracking_number");--> statement-breakpoint
CREATE INDEX "fulfilment_tracking_events_shipment" ON "fulfilment_tracking_events" USING btree ("shipment_id","at");