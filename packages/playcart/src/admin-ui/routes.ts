// The admin's pages by path under basePath. ":id" is one id segment.
import type { ReactNode } from "react";
import { AuditPage } from "./pages/audit.tsx";
import { BadgeSettingsPage } from "./pages/badges.tsx";
import { CampaignPage } from "./pages/campaign.tsx";
import { NewCampaignPage } from "./pages/campaign-new.tsx";
import { CampaignsPage } from "./pages/campaigns.tsx";
import { CatalogSettingsPage } from "./pages/catalog.tsx";
import { CustomerPage } from "./pages/customer.tsx";
import { CustomersPage } from "./pages/customers.tsx";
import { KpisPage } from "./pages/kpis.tsx";
import type { AdminPageProps } from "./pages/page-props.ts";
import { PointsPage } from "./pages/points.tsx";
import { ReferralsPage } from "./pages/referrals.tsx";
import { ReminderEmailPage } from "./pages/reminder-email.tsx";
import { ReminderSettingsPage } from "./pages/reminder-settings.tsx";
import { RemindersPage } from "./pages/reminders.tsx";
import { RulePage } from "./pages/rule.tsx";
import { NewRulePage } from "./pages/rule-new.tsx";
import { RulesPage } from "./pages/rules.tsx";
import { SettingsPage } from "./pages/settings.tsx";
import { SetupPage } from "./pages/setup.tsx";

type Page = (props: AdminPageProps) => Promise<ReactNode>;

const ROUTES: [pattern: string, page: Page, title: string][] = [
  ["campaigns", CampaignsPage, "Campaigns"],
  ["campaigns/new", NewCampaignPage, "New campaign"],
  ["campaigns/:id", CampaignPage, "Campaign"],
  ["kpis", KpisPage, "KPIs"],
  ["points", PointsPage, "Points liability"],
  ["customers", CustomersPage, "Customers"],
  ["customers/:id", CustomerPage, "Customer"],
  ["referrals", ReferralsPage, "Referrals"],
  ["settings", SettingsPage, "Settings"],
  ["settings/catalog", CatalogSettingsPage, "Reward catalog"],
  ["settings/badges", BadgeSettingsPage, "Badges and stamp cards"],
  ["settings/rules", RulesPage, "Rules"],
  ["settings/rules/new", NewRulePage, "New rule"],
  ["settings/rules/:id", RulePage, "Rule"],
  ["settings/reminders", ReminderSettingsPage, "Reminder settings"],
  ["settings/reminder-email", ReminderEmailPage, "Reminder email"],
  ["reminders", RemindersPage, "Cart reminders"],
  ["audit", AuditPage, "Audit trail"],
  ["setup", SetupPage, "Store setup"],
];

/** The page for a path (static segments win over ":id"), with the id it names. */
export function matchRoute(segments: string[]): { page: Page; id: string; title: string } | null {
  let best: { page: Page; id: string; title: string; dynamic: boolean } | null = null;
  for (const [pattern, page, title] of ROUTES) {
    const parts = pattern.split("/");
    if (parts.length !== segments.length) continue;
    let id = "";
    const fits = parts.every((p, i) => {
      if (p !== ":id") return p === segments[i];
      id = segments[i];
      return true;
    });
    const dynamic = parts.includes(":id");
    if (fits && (!best || (best.dynamic && !dynamic))) best = { page, id, title, dynamic };
  }
  return best;
}

/** Every page path, with a stand-in for ids (for hosts' and tests' own checks). */
export const ADMIN_PAGE_PATHS = ROUTES.map(([pattern]) => pattern);
