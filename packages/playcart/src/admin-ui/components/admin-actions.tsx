"use client";

// The host's one admin server function and where the admin is mounted, for every form and
// link below. A form names its action; the server function authorises before running it.
import { type ComponentType, createContext, useCallback, useContext, useMemo } from "react";
import type { GameOffer, PlayOutcome } from "../../client.ts";
import type { AdminActionState } from "../action-state.ts";
import type { AdminActionName } from "../actions/index.ts";

export type AdminServerFunction = (name: string, prev: AdminActionState, form: FormData) => Promise<AdminActionState>;

/** The host's checkout game launcher, for the campaign editor's preview (optional). */
export type GameLauncherComponent = ComponentType<{
  offer: GameOffer;
  play: () => Promise<PlayOutcome>;
  oddsHref: string;
}>;

type Mount = { action: AdminServerFunction; basePath: string; GameLauncher?: GameLauncherComponent };
const AdminMount = createContext<Mount | null>(null);

export function AdminActionsProvider({ children, ...mount }: Mount & { children: React.ReactNode }) {
  return <AdminMount value={mount}>{children}</AdminMount>;
}

function useMount(): Mount {
  const mount = useContext(AdminMount);
  if (!mount) throw new Error("Playcart admin forms render inside <PlaycartAdmin>.");
  return mount;
}

/** The named action, bound to the host's server function (still a server action, so forms work before hydration). */
export function useAdminAction(
  name: AdminActionName,
): (prev: AdminActionState, form: FormData) => Promise<AdminActionState> {
  const { action } = useMount();
  return useMemo(() => action.bind(null, name), [action, name]);
}

export function useGameLauncher(): GameLauncherComponent | undefined {
  return useMount().GameLauncher;
}

/** An absolute path inside the admin. */
export function useAdminHref(): (path: string) => string {
  const { basePath } = useMount();
  return useCallback((path: string) => `${basePath}/${path.replace(/^\/+/, "")}`, [basePath]);
}
