CREATE TABLE "playcart_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"game_type" text NOT NULL,
	"placement" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience" jsonb DEFAULT 'true'::jsonb NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowance" jsonb DEFAULT '{"default":1}'::jsonb NOT NULL,
	"lifetime_limit" integer,
	"reward_scope" text NOT NULL,
	"reward_valid_days" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "playcart_play_allowances" (
	"campaign_id" uuid NOT NULL,
	"identity_key" text NOT NULL,
	"window_key" text NOT NULL,
	"granted" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playcart_play_allowances_campaign_id_identity_key_window_key_pk" PRIMARY KEY("campaign_id","identity_key","window_key"),
	CONSTRAINT "playcart_play_allowances_used" CHECK ("playcart_play_allowances"."used" >= 0 AND "playcart_play_allowances"."used" <= "playcart_play_allowances"."granted")
);
--> statement-breakpoint
CREATE TABLE "playcart_plays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"request_id" text NOT NULL,
	"customer_id" uuid,
	"identity_keys" jsonb NOT NULL,
	"session_ref" text,
	"window_key" text NOT NULL,
	"prize_id" uuid,
	"won" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_plays_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "playcart_prize_daily_wins" (
	"prize_id" uuid NOT NULL,
	"store_day" text NOT NULL,
	"wins" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playcart_prize_daily_wins_prize_id_store_day_pk" PRIMARY KEY("prize_id","store_day")
);
--> statement-breakpoint
CREATE TABLE "playcart_prizes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"weight" integer NOT NULL,
	"reward_type" text NOT NULL,
	"reward_value" integer DEFAULT 0 NOT NULL,
	"product_ref" text,
	"max_discount_minor" integer,
	"cost_minor" integer DEFAULT 0 NOT NULL,
	"inventory" integer,
	"budget_value_minor" integer,
	"daily_cap" integer,
	"wins" integer DEFAULT 0 NOT NULL,
	"value_awarded_minor" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playcart_prizes_weight" CHECK ("playcart_prizes"."weight" >= 0),
	CONSTRAINT "playcart_prizes_inventory" CHECK ("playcart_prizes"."inventory" IS NULL OR "playcart_prizes"."wins" <= "playcart_prizes"."inventory"),
	CONSTRAINT "playcart_prizes_budget" CHECK ("playcart_prizes"."budget_value_minor" IS NULL OR "playcart_prizes"."value_awarded_minor" <= "playcart_prizes"."budget_value_minor"),
	CONSTRAINT "playcart_prizes_value" CHECK ("playcart_prizes"."reward_value" >= 0 AND "playcart_prizes"."cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"session_ref" text,
	"identity_keys" jsonb NOT NULL,
	"campaign_id" uuid,
	"play_id" uuid,
	"label" text NOT NULL,
	"reward_type" text NOT NULL,
	"reward_value" integer NOT NULL,
	"product_ref" text,
	"max_discount_minor" integer,
	"scope" text NOT NULL,
	"earned_on_cart_ref" text,
	"status" text DEFAULT 'issued' NOT NULL,
	"order_ref" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "orders_cart_pending_uq";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "reward_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_label" text;--> statement-breakpoint
ALTER TABLE "playcart_play_allowances" ADD CONSTRAINT "playcart_play_allowances_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_prize_id_playcart_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."playcart_prizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_prize_daily_wins" ADD CONSTRAINT "playcart_prize_daily_wins_prize_id_playcart_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."playcart_prizes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_prizes" ADD CONSTRAINT "playcart_prizes_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_play_id_playcart_plays_id_fk" FOREIGN KEY ("play_id") REFERENCES "public"."playcart_plays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playcart_campaigns_live_idx" ON "playcart_campaigns" USING btree ("placement","status");--> statement-breakpoint
CREATE INDEX "playcart_plays_campaign_idx" ON "playcart_plays" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "playcart_prizes_campaign_idx" ON "playcart_prizes" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "playcart_rewards_session_idx" ON "playcart_rewards" USING btree ("session_ref","status");--> statement-breakpoint
CREATE INDEX "playcart_rewards_customer_idx" ON "playcart_rewards" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "playcart_rewards_order_idx" ON "playcart_rewards" USING btree ("order_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_cart_open_uq" ON "orders" USING btree ("cart_id") WHERE "orders"."status" IN ('pending', 'processing');