ALTER TABLE "playcart_customers" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "playcart_referrals" ADD COLUMN "detail" text;