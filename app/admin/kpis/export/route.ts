// The KPI CSV export the admin's KPI page links to; Playcart checks the demo's admin guard.
import { playcartAdmin } from "@/lib/playcart-admin";

export const GET = (request: Request) => playcartAdmin.exportCsv(request);
