// Playcart's one route: play, cron, comeback, unsubscribe, referral links, push and its own
// Stripe webhook endpoint (each checks its own authorisation).
import { playcart } from "@/lib/playcart";

export const dynamic = "force-dynamic";

export const { GET, POST } = playcart.handlers;
