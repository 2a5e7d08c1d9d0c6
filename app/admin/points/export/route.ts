// The points liability CSV the admin's Points page links to; Playcart checks the demo's admin guard.
import { playcartAdmin } from "@/lib/playcart-admin";

export const GET = (request: Request) => playcartAdmin.exportPointsCsv(request);
