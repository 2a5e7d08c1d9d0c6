// The owner admin as one server component a host mounts on an optional catch-all route
// (app/admin/playcart/[[...path]]/page.tsx): it checks the host's authorize callback, then
// routes on the path segments to the page asked for.
import { notFound, redirect } from "next/navigation.js";
import type { ReactNode } from "react";
import { setupChecklist } from "../admin/index.ts";
import {
  AdminActionsProvider,
  type AdminServerFunction,
  type GameLauncherComponent,
} from "./components/admin-actions.tsx";
import { SetupChecklist } from "./components/setup-checklist.tsx";
import { type AdminConfig, type AdminContext, adminContext, checkAccess } from "./config.ts";
import { Forbidden } from "./forbidden.tsx";
import { AdminNav } from "./nav.tsx";
import { matchRoute } from "./routes.ts";

type SearchParams = Record<string, string | string[] | undefined>;

/** A page the host adds to the admin (behind the same authorize), e.g. its orders at path "". */
export type AdminHostPage = {
  /** Under basePath, without slashes at the ends: "" is the admin's home, "outbox" is basePath/outbox. */
  path: string;
  /** Shown in the admin's navigation; without it the page is reachable but not listed. */
  label?: string;
  render(props: { ctx: AdminContext; searchParams: SearchParams }): ReactNode | Promise<ReactNode>;
};

export type PlaycartAdminProps = {
  admin: { config: AdminConfig };
  /** The host's one server function: `async (name, prev, form) => { "use server"; return admin.act(name, prev, form); }`. */
  action: AdminServerFunction;
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<SearchParams>;
  pages?: AdminHostPage[];
  /** Host-specific panels on a customer's page (e.g. the host's refunds for that customer). */
  customerPanel?(props: {
    ctx: AdminContext;
    customer: { id: string; email: string; userRef: string | null };
  }): ReactNode | Promise<ReactNode>;
  /** The host's checkout game launcher (a client component), for the campaign editor's live preview. */
  GameLauncher?: GameLauncherComponent;
  /** Where the host serves a campaign's public odds page, if it does. */
  oddsHref?(slug: string): string;
  /** The host's official rules page of a campaign (linked from the campaign's page). */
  rulesHref?(slug: string): string;
};

/** What Next passes the host's catch-all admin page: `export default function Page(props: PlaycartAdminPageProps)`. */
export type PlaycartAdminPageProps = Pick<PlaycartAdminProps, "params" | "searchParams">;

// The admin's own menu items, in order; the host's pages with a label join them.
const SECTIONS = [
  ["campaigns", "Campaigns"],
  ["kpis", "KPIs"],
  ["points", "Points"],
  ["customers", "Customers"],
  ["referrals", "Referrals"],
  ["settings", "Settings"],
  ["reminders", "Cart reminders"],
  ["audit", "Audit trail"],
] as const;

// A path segment is a slug or an id; anything else is not an admin page.
const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

export async function PlaycartAdmin(props: PlaycartAdminProps) {
  const { config } = props.admin;
  const segments = ((await props.params).path ?? []).map((s) => decodeURIComponent(s));
  const path = segments.join("/");
  const access = await checkAccess(config, { kind: "page", path: `/${path}` });
  if ("refused" in access) {
    if (access.hidden) notFound();
    const base = (await adminContext(config, "")).href(path);
    if (access.refused === "unauthenticated" && config.signInUrl) redirect(config.signInUrl(base));
    return <Forbidden />;
  }
  if (!segments.every((s) => SEGMENT.test(s))) notFound();
  const ctx = await adminContext(config, access.actor);
  const searchParams = await props.searchParams;
  const hostPages = props.pages ?? [];
  const hostPage = hostPages.find((p) => p.path === path);
  const route = hostPage ? null : matchRoute(segments);
  if (!hostPage && !route) {
    if (path === "") redirect(ctx.href("campaigns"));
    notFound();
  }
  const listed = (pages: AdminHostPage[]) =>
    pages.flatMap((p) => (p.label ? [{ href: ctx.href(p.path), label: p.label }] : []));
  const links = [
    ...listed(hostPages.filter((p) => p.path === "")),
    ...SECTIONS.map(([p, label]) => ({ href: ctx.href(p), label })),
    ...listed(hostPages.filter((p) => p.path !== "")),
  ];
  return (
    <div className="playcart-admin">
      <AdminNav links={links} current={currentLink(links, ctx.href(path), ctx.href(""))} />
      <AdminActionsProvider action={props.action} basePath={ctx.basePath} GameLauncher={props.GameLauncher}>
        {path === "" && ctx.setup && (
          <SetupChecklist items={await setupChecklist(ctx.db, await ctx.setup())} href={ctx.href} />
        )}
        {hostPage
          ? await hostPage.render({ ctx, searchParams })
          : await route?.page({
              ctx,
              id: route.id,
              searchParams,
              customerPanel: props.customerPanel,
              oddsHref: props.oddsHref,
              rulesHref: props.rulesHref,
            })}
      </AdminActionsProvider>
    </div>
  );
}

/** The menu item for this page: its own, else its section's (the longest prefix; the home only itself). */
function currentLink(links: { href: string }[], here: string, home: string): string | undefined {
  const within = links.filter((l) => l.href === here || (l.href !== home && here.startsWith(`${l.href}/`)));
  return within.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
