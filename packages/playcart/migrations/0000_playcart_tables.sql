CREATE TABLE "playcart_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"season" jsonb,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowance" jsonb DEFAULT '{"default":1}'::jsonb NOT NULL,
	"lifetime_limit" integer,
	"reward_scope" text NOT NULL,
	"reward_valid_days" integer DEFAULT 30 NOT NULL,
	"holdout_percent" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_campaigns_slug_unique" UNIQUE("slug"),
	CONSTRAINT "playcart_campaigns_holdout" CHECK ("playcart_campaigns"."holdout_percent" BETWEEN 0 AND 100),
	CONSTRAINT "playcart_campaigns_season_or_dates" CHECK ("playcart_campaigns"."season" IS NULL OR ("playcart_campaigns"."starts_at" IS NULL AND "playcart_campaigns"."ends_at" IS NULL))
);
--> statement-breakpoint
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
CREATE TABLE "playcart_contacts" (
	"email" text PRIMARY KEY NOT NULL,
	"customer_id" uuid,
	"consent_at" timestamp with time zone,
	"consent_wording" text,
	"consent_source" text,
	"unsubscribed_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "playcart_customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"user_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_customers_email_unique" UNIQUE("email"),
	CONSTRAINT "playcart_customers_user_ref_unique" UNIQUE("user_ref")
);
--> statement-breakpoint
CREATE TABLE "playcart_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playcart_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_key" text NOT NULL,
	"type" text NOT NULL,
	"customer_id" uuid,
	"session_ref" text,
	"order_ref" text,
	"campaign_id" uuid,
	"value_minor" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "playcart_events_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
CREATE TABLE "playcart_ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" uuid NOT NULL,
	"account" text DEFAULT 'available' NOT NULL,
	"delta" integer NOT NULL,
	"balance_after" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"source_key" text NOT NULL,
	"order_ref" text,
	"uncollected" integer DEFAULT 0 NOT NULL,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_ledger_entries_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "playcart_ledger_delta_nonzero" CHECK ("playcart_ledger_entries"."delta" <> 0 OR "playcart_ledger_entries"."uncollected" > 0),
	CONSTRAINT "playcart_ledger_uncollected_nonneg" CHECK ("playcart_ledger_entries"."uncollected" >= 0),
	CONSTRAINT "playcart_ledger_account" CHECK ("playcart_ledger_entries"."account" IN ('available', 'held'))
);
--> statement-breakpoint
CREATE TABLE "playcart_order_rewards" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_paid_minor" integer NOT NULL,
	"amount_refunded_minor" integer DEFAULT 0 NOT NULL,
	"points_base" integer NOT NULL,
	"dispute_status" text,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_order_rewards_amounts" CHECK ("playcart_order_rewards"."amount_refunded_minor" BETWEEN 0 AND "playcart_order_rewards"."amount_paid_minor")
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
CREATE TABLE "playcart_point_balances" (
	"customer_id" uuid NOT NULL,
	"account" text NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playcart_point_balances_customer_id_account_pk" PRIMARY KEY("customer_id","account"),
	CONSTRAINT "playcart_point_balances_nonneg" CHECK ("playcart_point_balances"."balance" >= 0)
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
	"category_scope" text,
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
CREATE TABLE "playcart_push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
CREATE TABLE "playcart_reminder_sequences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'live' NOT NULL,
	"abandon_after_minutes" integer DEFAULT 60 NOT NULL,
	"steps" jsonb NOT NULL,
	"comeback_campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_reminder_sequences_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "playcart_reminders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cart_ref" text NOT NULL,
	"sequence_id" uuid,
	"step" integer NOT NULL,
	"discount_percent" integer,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"channels" text[]
);
--> statement-breakpoint
CREATE TABLE "playcart_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"session_ref" text,
	"identity_keys" jsonb NOT NULL,
	"campaign_id" uuid,
	"play_id" uuid,
	"source_key" text,
	"label" text NOT NULL,
	"reward_type" text NOT NULL,
	"reward_value" integer NOT NULL,
	"product_ref" text,
	"max_discount_minor" integer,
	"category_ref" text,
	"scope" text NOT NULL,
	"earned_on_cart_ref" text,
	"status" text DEFAULT 'issued' NOT NULL,
	"order_ref" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	CONSTRAINT "playcart_rewards_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "playcart_carts" (
	"cart_ref" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"session_ref" text,
	"currency" text NOT NULL,
	"value_minor" integer NOT NULL,
	"items" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"activity_at" timestamp with time zone NOT NULL,
	"abandoned_at" timestamp with time zone,
	"sequence_id" uuid
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
ALTER TABLE "playcart_contacts" ADD CONSTRAINT "playcart_contacts_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_events" ADD CONSTRAINT "playcart_events_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_ledger_entries" ADD CONSTRAINT "playcart_ledger_entries_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_order_rewards" ADD CONSTRAINT "playcart_order_rewards_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_play_allowances" ADD CONSTRAINT "playcart_play_allowances_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD CONSTRAINT "playcart_plays_prize_id_playcart_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."playcart_prizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_point_balances" ADD CONSTRAINT "playcart_point_balances_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_prize_daily_wins" ADD CONSTRAINT "playcart_prize_daily_wins_prize_id_playcart_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."playcart_prizes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_prizes" ADD CONSTRAINT "playcart_prizes_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminder_sequences" ADD CONSTRAINT "playcart_reminder_sequences_comeback_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("comeback_campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminders" ADD CONSTRAINT "playcart_reminders_cart_ref_playcart_carts_cart_ref_fk" FOREIGN KEY ("cart_ref") REFERENCES "public"."playcart_carts"("cart_ref") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminders" ADD CONSTRAINT "playcart_reminders_sequence_id_playcart_reminder_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."playcart_reminder_sequences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rewards" ADD CONSTRAINT "playcart_rewards_play_id_playcart_plays_id_fk" FOREIGN KEY ("play_id") REFERENCES "public"."playcart_plays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_carts" ADD CONSTRAINT "playcart_carts_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "playcart_audit_entity_idx" ON "playcart_audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "playcart_audit_at_idx" ON "playcart_audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "playcart_campaigns_live_idx" ON "playcart_campaigns" USING btree ("placement","status");--> statement-breakpoint
CREATE INDEX "playcart_events_type_idx" ON "playcart_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_campaign_idx" ON "playcart_events" USING btree ("campaign_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_customer_idx" ON "playcart_events" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_unprocessed_idx" ON "playcart_events" USING btree ("id") WHERE "playcart_events"."processed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "playcart_ledger_customer_idx" ON "playcart_ledger_entries" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "playcart_ledger_order_idx" ON "playcart_ledger_entries" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_order_rewards_customer_idx" ON "playcart_order_rewards" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "playcart_plays_campaign_idx" ON "playcart_plays" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "playcart_prizes_campaign_idx" ON "playcart_prizes" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "playcart_push_subscriptions_email_idx" ON "playcart_push_subscriptions" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "playcart_reminders_step_uq" ON "playcart_reminders" USING btree ("cart_ref","step");--> statement-breakpoint
CREATE INDEX "playcart_reminders_due_idx" ON "playcart_reminders" USING btree ("due_at") WHERE "playcart_reminders"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "playcart_rewards_session_idx" ON "playcart_rewards" USING btree ("session_ref","status");--> statement-breakpoint
CREATE INDEX "playcart_rewards_customer_idx" ON "playcart_rewards" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "playcart_rewards_order_idx" ON "playcart_rewards" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_carts_active_idx" ON "playcart_carts" USING btree ("activity_at") WHERE "playcart_carts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "playcart_carts_customer_idx" ON "playcart_carts" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "playcart_customer_badges_uq" ON "playcart_customer_badges" USING btree ("badge_id","customer_id");--> statement-breakpoint
CREATE INDEX "playcart_customer_badges_order_idx" ON "playcart_customer_badges" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_referrals_referrer_idx" ON "playcart_referrals" USING btree ("referrer_id","status");--> statement-breakpoint
CREATE INDEX "playcart_rule_firings_order_idx" ON "playcart_rule_firings" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_rules_trigger_idx" ON "playcart_rules" USING btree ("trigger","status");--> statement-breakpoint
CREATE INDEX "playcart_stamp_entries_customer_idx" ON "playcart_stamp_entries" USING btree ("customer_id","card_id");--> statement-breakpoint
CREATE INDEX "playcart_stamp_entries_order_idx" ON "playcart_stamp_entries" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_tier_history_customer_idx" ON "playcart_tier_history" USING btree ("customer_id","id");