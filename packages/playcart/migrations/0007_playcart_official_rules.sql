CREATE TABLE "playcart_free_entries" (
	"campaign_id" uuid NOT NULL,
	"person_key" text NOT NULL,
	"window_key" text NOT NULL,
	"play_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "playcart_free_entries_campaign_id_person_key_window_key_pk" PRIMARY KEY("campaign_id","person_key","window_key")
);
--> statement-breakpoint
CREATE TABLE "playcart_rules_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_rules_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "free_entry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "every_play_wins" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "extra_terms" text;--> statement-breakpoint
ALTER TABLE "playcart_free_entries" ADD CONSTRAINT "playcart_free_entries_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_free_entries" ADD CONSTRAINT "playcart_free_entries_play_id_playcart_plays_id_fk" FOREIGN KEY ("play_id") REFERENCES "public"."playcart_plays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_rules_versions" ADD CONSTRAINT "playcart_rules_versions_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "playcart_rules_versions_uq" ON "playcart_rules_versions" USING btree ("campaign_id","version");--> statement-breakpoint
CREATE INDEX "playcart_rules_versions_valid_idx" ON "playcart_rules_versions" USING btree ("campaign_id","valid_from");--> statement-breakpoint
-- A published rules version is never rewritten: a change of the rules is a new version.
CREATE FUNCTION playcart_rules_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'playcart_rules_versions is immutable: add a new version instead';
END $$;--> statement-breakpoint
CREATE TRIGGER playcart_rules_versions_no_update BEFORE UPDATE ON "playcart_rules_versions"
  FOR EACH ROW EXECUTE FUNCTION playcart_rules_versions_immutable();
