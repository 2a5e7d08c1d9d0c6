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
ALTER TABLE "playcart_events" ADD CONSTRAINT "playcart_events_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playcart_events_type_idx" ON "playcart_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_campaign_idx" ON "playcart_events" USING btree ("campaign_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_customer_idx" ON "playcart_events" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "playcart_events_unprocessed_idx" ON "playcart_events" USING btree ("id") WHERE "playcart_events"."processed_at" IS NULL;