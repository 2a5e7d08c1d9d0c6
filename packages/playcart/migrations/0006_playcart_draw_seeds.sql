CREATE TABLE "playcart_draw_seeds" (
	"campaign_id" uuid NOT NULL,
	"period" text NOT NULL,
	"seed" text NOT NULL,
	"commitment" text NOT NULL,
	"reveals_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playcart_draw_seeds_campaign_id_period_pk" PRIMARY KEY("campaign_id","period")
);
--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD COLUMN "draw_period" text;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD COLUMN "draw_attempt" integer;--> statement-breakpoint
ALTER TABLE "playcart_plays" ADD COLUMN "draw_available" jsonb;--> statement-breakpoint
ALTER TABLE "playcart_draw_seeds" ADD CONSTRAINT "playcart_draw_seeds_campaign_id_playcart_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."playcart_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A draw seed is a public promise: its hash is shown before the period's plays and the seed
-- revealed after. So a seed row is never changed, and never removed while its campaign exists
-- (deleting a campaign, which has no plays, takes its seeds with it).
CREATE OR REPLACE FUNCTION playcart_draw_seeds_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM playcart_campaigns WHERE id = OLD.campaign_id) THEN
    RAISE EXCEPTION 'playcart_draw_seeds is append-only: a committed seed never changes';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER playcart_draw_seeds_append_only BEFORE UPDATE OR DELETE ON playcart_draw_seeds
FOR EACH ROW EXECUTE FUNCTION playcart_draw_seeds_append_only();
