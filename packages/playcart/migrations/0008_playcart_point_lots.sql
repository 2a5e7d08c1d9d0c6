CREATE TABLE "playcart_lot_allocations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_lot_allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"lot_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "playcart_lot_allocations_points" CHECK ("playcart_lot_allocations"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_point_lots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playcart_point_lots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" uuid NOT NULL,
	"account" text NOT NULL,
	"entry_id" bigint,
	"from_lot_id" bigint,
	"order_ref" text,
	"points" integer NOT NULL,
	"value_minor_per_point" numeric(12, 6) NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"releases_at" timestamp with time zone,
	CONSTRAINT "playcart_point_lots_points" CHECK ("playcart_point_lots"."points" > 0),
	CONSTRAINT "playcart_point_lots_value" CHECK ("playcart_point_lots"."value_minor_per_point" >= 0)
);
--> statement-breakpoint
CREATE TABLE "playcart_points_liability_days" (
	"store_day" text PRIMARY KEY NOT NULL,
	"available_points" integer NOT NULL,
	"available_minor" integer NOT NULL,
	"pending_points" integer NOT NULL,
	"pending_minor" integer NOT NULL,
	"held_points" integer NOT NULL,
	"held_minor" integer NOT NULL,
	"expiring_points" integer NOT NULL,
	"expiring_minor" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "playcart_ledger_entries" DROP CONSTRAINT "playcart_ledger_account";--> statement-breakpoint
ALTER TABLE "playcart_lot_allocations" ADD CONSTRAINT "playcart_lot_allocations_lot_id_playcart_point_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."playcart_point_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_lot_allocations" ADD CONSTRAINT "playcart_lot_allocations_entry_id_playcart_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."playcart_ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_point_lots" ADD CONSTRAINT "playcart_point_lots_customer_id_playcart_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."playcart_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playcart_point_lots" ADD CONSTRAINT "playcart_point_lots_entry_id_playcart_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."playcart_ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playcart_lot_allocations_lot_idx" ON "playcart_lot_allocations" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "playcart_lot_allocations_entry_idx" ON "playcart_lot_allocations" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "playcart_point_lots_customer_idx" ON "playcart_point_lots" USING btree ("customer_id","account","expires_at");--> statement-breakpoint
CREATE INDEX "playcart_point_lots_order_idx" ON "playcart_point_lots" USING btree ("order_ref");--> statement-breakpoint
CREATE INDEX "playcart_point_lots_releases_idx" ON "playcart_point_lots" USING btree ("releases_at") WHERE "playcart_point_lots"."account" = 'pending';--> statement-breakpoint
CREATE INDEX "playcart_point_lots_expires_idx" ON "playcart_point_lots" USING btree ("expires_at") WHERE "playcart_point_lots"."account" = 'available';--> statement-breakpoint
ALTER TABLE "playcart_ledger_entries" ADD CONSTRAINT "playcart_ledger_account" CHECK ("playcart_ledger_entries"."account" IN ('available', 'held', 'pending'));--> statement-breakpoint
-- Lots and their allocations are append-only like the ledger: a lot is spent by allocations.
CREATE OR REPLACE FUNCTION playcart_lots_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% rejected)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_point_lots_no_update BEFORE UPDATE OR DELETE ON playcart_point_lots
  FOR EACH ROW EXECUTE FUNCTION playcart_lots_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_lot_allocations_no_update BEFORE UPDATE OR DELETE ON playcart_lot_allocations
  FOR EACH ROW EXECUTE FUNCTION playcart_lots_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_point_lots_no_truncate BEFORE TRUNCATE ON playcart_point_lots
  FOR EACH STATEMENT EXECUTE FUNCTION playcart_lots_reject_change();
--> statement-breakpoint
CREATE TRIGGER playcart_lot_allocations_no_truncate BEFORE TRUNCATE ON playcart_lot_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION playcart_lots_reject_change();
--> statement-breakpoint
-- Backstop: no lot gives more points than it holds. (Writers hold the account's balance row
-- lock, which serialises them; this makes a bug loud.)
CREATE OR REPLACE FUNCTION playcart_lot_allocation_check() RETURNS trigger AS $$
BEGIN
  IF (SELECT l.points - coalesce((SELECT sum(a.points) FROM playcart_lot_allocations a WHERE a.lot_id = l.id), 0)
      FROM playcart_point_lots l WHERE l.id = NEW.lot_id) < NEW.points THEN
    RAISE EXCEPTION 'lot % has fewer than % points left', NEW.lot_id, NEW.points
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER playcart_lot_allocation_check BEFORE INSERT ON playcart_lot_allocations
  FOR EACH ROW EXECUTE FUNCTION playcart_lot_allocation_check();
--> statement-breakpoint
-- Balances from before lots: one opening lot per account, released, never expiring, valued at
-- the store's point value (1 minor unit when unset), so the lots add up to every balance.
INSERT INTO playcart_point_lots (customer_id, account, points, value_minor_per_point, earned_at)
SELECT b.customer_id, b.account, b.balance,
       coalesce((SELECT (value #>> '{}')::numeric FROM playcart_settings WHERE key = 'pointValueMinor'), 1),
       now()
FROM playcart_point_balances b WHERE b.balance > 0;
