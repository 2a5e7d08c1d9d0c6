// playcart/admin: the whole owner admin, mounted by a host under a path of its choice behind
// its own authorize callback. Server only (the forms inside are client components).
import type { AdminActionState } from "./action-state.ts";
import type { AdminConfig } from "./config.ts";
import { exportKpisCsv } from "./export-csv.ts";
import { exportPointsCsv } from "./export-points-csv.ts";
import { runAdminAction } from "./run-action.ts";

export type { AdminActionState } from "./action-state.ts";
export type { AdminActionName } from "./actions/index.ts";
export { ADMIN_ACTION_NAMES } from "./actions/index.ts";
export type { AdminServerFunction, GameLauncherComponent } from "./components/admin-actions.tsx";
export type {
  AdminAccess,
  AdminAccounts,
  AdminCatalog,
  AdminConfig,
  AdminContext,
  AdminProduct,
  AdminRequest,
} from "./config.ts";
export {
  type AdminHostPage,
  PlaycartAdmin,
  type PlaycartAdminPageProps,
  type PlaycartAdminProps,
} from "./playcart-admin.tsx";
export { ADMIN_PAGE_PATHS } from "./routes.ts";

export type PlaycartAdminHandle = {
  config: AdminConfig;
  /** Runs a named admin form action after the host's authorize; call it from one "use server" function. */
  act(name: string, prev: AdminActionState, form: FormData): Promise<AdminActionState>;
  /** GET handler for the KPI CSV export (mount it at basePath/kpis/export). */
  exportCsv(request: Request): Promise<Response>;
  /** GET handler for the points liability CSV (mount it at basePath/points/export). */
  exportPointsCsv(request: Request): Promise<Response>;
};

export function createPlaycartAdmin(config: AdminConfig): PlaycartAdminHandle {
  return {
    config,
    act: (name, prev, form) => runAdminAction(config, name, prev, form),
    exportCsv: (request) => exportKpisCsv(config, request),
    exportPointsCsv: (request) => exportPointsCsv(config, request),
  };
}
