ALTER TABLE "checkout_shipping_methods" ADD COLUMN "delivery_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
-- The default express method (顺丰速运) is faster than standard delivery.
UPDATE "checkout_shipping_methods" SET "delivery_days" = 2 WHERE "code" = 'express';
