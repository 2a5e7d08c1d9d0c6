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
ALTER TABLE "playcart_campaigns" ADD COLUMN "holdout_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
CREATE INDEX "playcart_audit_entity_idx" ON "playcart_audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "playcart_audit_at_idx" ON "playcart_audit_log" USING btree ("at");--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD CONSTRAINT "playcart_campaigns_holdout" CHECK ("playcart_campaigns"."holdout_percent" BETWEEN 0 AND 100);--> statement-breakpoint
-- The audit trail is append-only: what the admin changed stays on record.
CREATE FUNCTION playcart_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'playcart_audit_log is append-only (% rejected)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER playcart_audit_no_update BEFORE UPDATE OR DELETE ON playcart_audit_log
  FOR EACH ROW EXECUTE FUNCTION playcart_audit_append_only();
