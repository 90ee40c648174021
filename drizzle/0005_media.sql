CREATE TABLE "media_assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_assets_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "media_renditions" (
	"asset_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_renditions_asset_id_width_pk" PRIMARY KEY("asset_id","width")
);
--> statement-breakpoint
-- Images are already compressed: store them out of line without trying to compress them again.
ALTER TABLE "media_assets" ALTER COLUMN "data" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "media_renditions" ALTER COLUMN "data" SET STORAGE EXTERNAL;
