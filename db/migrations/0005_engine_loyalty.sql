CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"author_name" text NOT NULL,
	"rating" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_rating" CHECK ("reviews"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "playcart_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"emoji" text DEFAULT '🏅' NOT NULL,
	CONSTRAINT "playcart_badges_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "playcart_customer_badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"badge_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"share_id" text NOT NULL,
	"order_ref" text,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	CONSTRAINT "playcart_customer_badges_share_id_unique" UNIQUE("share_id")
);
--> statement-breakpoint
CREATE TABLE "playcart_customer_loyalty" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"referral_code" text,
	"birthday" text,
	"tier" text,
	"tier_spend_minor" integer,
	"tier_updated_at" timestamp with time zone,
	CONSTRAINT "playcart_customer_loyalty_referral_code_unique" UNIQUE("referral_code")
);
--> statement-breakpoint
CREATE TABLE "playcart_order_categories" (
	"order_ref" text NOT NULL,
	"category" text NOT NULL,
	"amount_minor" integer NOT NULL,
	CONSTRAINT "playcart_order_categories_order_ref_category_pk" PRIMARY KEY("order_ref","category"),
	CONSTRAINT "playcart_order_categories_amount" CHECK ("playcart_order_categories"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_order_facts" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"session_ref" text,
	"referral_code" text,
	"item_count" integer DEFAULT 0 NOT NULL,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playcart_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"referrer_id" uuid,
	"friend_id" uuid NOT NULL,
	"order_ref" text NOT NULL,
	"friend_session_ref" text,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_referrals_order_ref_unique" UNIQUE("order_ref")
);
--> statement-breakpoint
CREATE TABLE "playcart_rule_firings" (
	"event_id" bigint NOT NULL,
	"rule_id" uuid NOT NULL,
	"customer_id" uuid,
	"order_ref" text,
	"applied" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_rule_firings_event_id_rule_id_pk" PRIMARY KEY("event_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "playcart_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"trigger" text NOT NULL,
	"condition" jsonb DEFAULT 'true'::jsonb NOT NULL,
	"outcomes" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"campaign_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_rules_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "playcart_stamp_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"stamps_required" integer NOT NULL,
	"badge_id" uuid,
	CONSTRAINT "playcart_stamp_cards_slug_unique" UNIQUE("slug"),
	CONSTRAINT "playcart_stamp_cards_required" CHECK ("playcart_stamp_cards"."stamps_required" > 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_stamp_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_stamp_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"card_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"source_key" text NOT NULL,
	"order_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_stamp_entries_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "playcart_stamp_entries_delta" CHECK ("playcart_stamp_entries"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_tier_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_tier_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" uuid NOT NULL,
	"from_tier" text,
	"to_tier" text NOT NULL,
	"trailing_spend_minor" integer NOT NULL,
	"event_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playcart_prizes" ADD COLUMN "category_scope" text;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD COLUMN "category_ref" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_customer_badges" ADD CONSTRAINT "playcart_customer_badges_badge_id_playcart_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."playcart_badges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_customer_badges" ADD CONSTRAINT "playcart_customer_badges_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_customer_loyalty" ADD CONSTRAINT "playcart_customer_loyalty_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_referrals" ADD CONSTRAINT "playcart_referrals_referrer_id_playcart_customers_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_referrals" ADD CONSTRAINT "playcart_referrals_friend_id_playcart_customers_id_fk" FOREIGN KEY ("friend_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rule_firings" ADD CONSTRAINT "playcart_rule_firings_event_id_playcart_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."playcart_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rule_firings" ADD CONSTRAINT "playcart_rule_firings_rule_id_playcart_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."playcart_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rule_firings" ADD CONSTRAINT "playcart_rule_firings_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rules" ADD CONSTRAINT "playcart_rules_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_stamp_cards" ADD CONSTRAINT "playcart_stamp_cards_badge_id_playcart_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."playcart_badges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_stamp_entries" ADD CONSTRAINT "playcart_stamp_entries_card_id_playcart_stamp_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."playcart_stamp_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_stamp_entries" ADD CONSTRAINT "playcart_stamp_entries_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_tier_history" ADD CONSTRAINT "playcart_tier_history_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_tier_history" ADD CONSTRAINT "playcart_tier_history_event_id_playcart_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."playcart_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_product_user_uq" ON "reviews" USING btree ("product_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playcart_customer_badges_uq" ON "playcart_customer_badges" USING btree ("badge_id","customer_id");--> statement-breakpoint
CREATE INDEX "playcart_customer_badges_order_idx" ON "playcart_customer_badges" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_referrals_referrer_idx" ON "playcart_referrals" USING btree ("referrer_id","status");--> statement-breakpoint
CREATE INDEX "playcart_rule_firings_order_idx" ON "playcart_rule_firings" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_rules_trigger_idx" ON "playcart_rules" USING btree ("trigger","status");--> statement-breakpoint
CREATE INDEX "playcart_stamp_entries_customer_idx" ON "playcart_stamp_entries" USING btree ("customer_id","card_id");--> statement-breakpoint
CREATE INDEX "playcart_stamp_entries_order_idx" ON "playcart_stamp_entries" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_tier_history_customer_idx" ON "playcart_tier_history" USING btree ("customer_id","id");--> statement-breakpoint
-- Stamp entries are append-only like the ledger: a reversal is a new negative entry.
CREATE OR REPLACE FUNCTION playcart_stamps_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'playcart_stamp_entries is append-only (% rejected)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_stamps_no_update BEFORE UPDATE OR DELETE ON playcart_stamp_entries
  FOR EACH ROW EXECUTE FUNCTION playcart_stamps_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_stamps_no_truncate BEFORE TRUNCATE ON playcart_stamp_entries
  FOR EACH STATEMENT EXECUTE FUNCTION playcart_stamps_reject_change();
--> statement-breakpoint
-- Events recorded before the rules engine existed are not replayed through today's rules
-- (that would pay tier bonuses and rule points for old orders at upgrade time).
UPDATE playcart_events SET processed_at = now() WHERE processed_at IS NULL;
