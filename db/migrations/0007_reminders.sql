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
ALTER TABLE "playcart_contacts" ADD CONSTRAINT "playcart_contacts_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminder_sequences" ADD CONSTRAINT "playcart_reminder_sequences_comeback_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("comeback_campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminders" ADD CONSTRAINT "playcart_reminders_cart_ref_playcart_carts_cart_ref_fk" FOREIGN KEY ("cart_ref") REFERENCES "public"."playcart_carts"("cart_ref") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_reminders" ADD CONSTRAINT "playcart_reminders_sequence_id_playcart_reminder_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."playcart_reminder_sequences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_carts" ADD CONSTRAINT "playcart_carts_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playcart_push_subscriptions_email_idx" ON "playcart_push_subscriptions" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "playcart_reminders_step_uq" ON "playcart_reminders" USING btree ("cart_ref","step");--> statement-breakpoint
CREATE INDEX "playcart_reminders_due_idx" ON "playcart_reminders" USING btree ("due_at") WHERE "playcart_reminders"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "playcart_carts_active_idx" ON "playcart_carts" USING btree ("activity_at") WHERE "playcart_carts"."status" = 'active';--> statement-breakpoint
CREATE INDEX "playcart_carts_customer_idx" ON "playcart_carts" USING btree ("customer_id");