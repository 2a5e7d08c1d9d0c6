CREATE TABLE "playcart_catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"points_cost" integer NOT NULL,
	"reward_type" text NOT NULL,
	"reward_value" integer DEFAULT 0 NOT NULL,
	"product_ref" text,
	"max_discount_minor" integer,
	"valid_days" integer DEFAULT 30 NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playcart_catalog_items_slug_unique" UNIQUE("slug"),
	CONSTRAINT "playcart_catalog_items_cost" CHECK ("playcart_catalog_items"."points_cost" > 0),
	CONSTRAINT "playcart_catalog_items_value" CHECK ("playcart_catalog_items"."reward_value" >= 0 AND "playcart_catalog_items"."valid_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_totals";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_source_key_unique" UNIQUE("source_key");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_totals" CHECK ("orders"."total_minor" = "orders"."subtotal_minor" - "orders"."discount_minor" + "orders"."shipping_minor" AND "orders"."total_minor" >= 0 AND "orders"."shipping_minor" >= 0);