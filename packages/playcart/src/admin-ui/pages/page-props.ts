import type { ReactNode } from "react";
import type { AdminContext } from "../config.ts";

/** What the router hands each page: the authorised context, the path's id (if any) and the query. */
export type AdminPageProps = {
  ctx: AdminContext;
  id: string;
  searchParams: Record<string, string | string[] | undefined>;
  customerPanel?(props: {
    ctx: AdminContext;
    customer: { id: string; email: string; userRef: string | null };
  }): ReactNode | Promise<ReactNode>;
  oddsHref?(slug: string): string;
  /** Where the host serves a campaign's official rules page, if it does. */
  rulesHref?(slug: string): string;
};
