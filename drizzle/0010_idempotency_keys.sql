CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"owner" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_owner_key_pk" PRIMARY KEY("scope","owner","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Order placement's keys (checkout_idempotency_keys) move here, so a retry of an order placed just
-- before the upgrade still replays instead of ordering twice. The request hash is computed the same way.
INSERT INTO "idempotency_keys" ("scope", "owner", "key", "request_hash", "result", "created_at")
SELECT 'checkout.placeOrder', "customer_id"::text, "key", "request_hash",
       CASE WHEN "order_id" IS NULL THEN NULL ELSE jsonb_build_object('orderId', "order_id") END, "created_at"
FROM "checkout_idempotency_keys"
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "checkout_idempotency_keys" CASCADE;