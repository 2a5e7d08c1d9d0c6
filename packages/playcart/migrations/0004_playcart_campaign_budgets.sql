ALTER TABLE "playcart_campaigns" ADD COLUMN "budget_total_minor" integer;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "budget_daily_minor" integer;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "budget_spent_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "budget_day" text;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD COLUMN "budget_day_spent_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playcart_campaigns" ADD CONSTRAINT "playcart_campaigns_budget" CHECK ("playcart_campaigns"."budget_total_minor" IS NULL OR "playcart_campaigns"."budget_spent_minor" <= "playcart_campaigns"."budget_total_minor");