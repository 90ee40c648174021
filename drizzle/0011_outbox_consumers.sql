CREATE TABLE "outbox_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
