// createPlaycart(config): the handlers for the host's one catch-all route, and the server
// helpers for its pages, actions and (in single-endpoint mode) its own payment webhook.

import type { PlaycartAdminHandle } from "../admin-ui/index.tsx";
import type { EngageDb } from "../core/db.ts";
import type { DisputeStatus } from "../core/schema.ts";
import { type AdventCalendar, type OfficialRulesView, officialRules, type PlayOutcome } from "../games/index.ts";
import type { ErasureResult, LoyaltyDataExport } from "../privacy/index.ts";
import type { RewardsPanelData } from "../rewards/index.ts";
import { checkedOrder, orderFromAdapter } from "./adapter-order.ts";
import { adventFor } from "./advent.ts";
import { type CheckoutInput, type CheckoutView, checkoutView } from "./checkout.ts";
import type { Order, PlaycartConfig } from "./config.ts";
import { referralCodeOf } from "./cookies.ts";
import { exitNudgeFor, headersOf, type NudgeDecision } from "./exit-nudge.ts";
import { type FreeEntryPage, freeEntryPage } from "./free-entry-page.ts";
import type { IncentiveNotice } from "./incentive-notice.ts";
import { freeEntryHref } from "./offers.ts";
import { applyOrderDisputed, applyOrderPaid, applyOrderRefunded } from "./order-effects.ts";
import { playFor } from "./play.ts";
import { type PricedOrder, type PriceOrderInput, priceOrder } from "./price-order.ts";
import { deleteShopperDataFor, type PrivacyInput, shopperDataFor } from "./privacy.ts";
import { actionHeaders } from "./remembered-email.ts";
import { PlaycartConfigError, resolveConfig } from "./resolve-config.ts";
import { type RewardsPanelInput, rewardsPanelData } from "./rewards-panel.ts";
import { route } from "./router.ts";
import { createRuntime, type Runtime } from "./runtime.ts";

const isMinorAmount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

type Handler = (req: Request, ctx?: unknown) => Promise<Response>;

export type Playcart = {
  /** `export const { GET, POST } = playcart.handlers;` in app/api/playcart/[...playcart]/route.ts */
  handlers: { GET: Handler; POST: Handler };
  /** For the checkout page (server component); reads the page's request headers itself unless given `headers` or `request`. */
  checkout(input?: CheckoutInput): Promise<CheckoutView>;
  /** At order placement: the server-decided discount, reserved for `orderRef`. */
  priceOrder(input: PriceOrderInput): Promise<PricedOrder>;
  /** The rewards panel's data for this browser's shopper (also served at GET <basePath>/panel). */
  rewardsPanel(input?: RewardsPanelInput): Promise<RewardsPanelData>;
  /** A play from the host's own server action (same checks as the play route). */
  play(raw: unknown, input?: { request?: Request }): Promise<PlayOutcome>;
  /**
   * From the host's server action when the shopper is about to leave checkout (ExitIntent's
   * `claim`): whether to show the nudge (once per session) and the game it carries, if any.
   */
  exitNudge(trigger: unknown, input?: { request?: Request; headers?: Headers }): Promise<NudgeDecision>;
  /** The advent calendar campaign `slug` for this shopper's page, today's door with its offer token. */
  adventCalendar(input: { slug: string; request?: Request }): Promise<AdventCalendar | null>;
  /**
   * A campaign's official rules for the host's rules page (<OfficialRulesView> renders them):
   * the version in force, or `version` (a play's, from ?v=N). Null: no such public campaign or version.
   */
  officialRules(input: {
    slug: string;
    version?: number | null;
    productName?: (ref: string) => string | undefined;
  }): Promise<OfficialRulesView | null>;
  /** The free entry page's data (null: the campaign offers no free entry); <FreeEntryForm> posts to `endpoint`. */
  freeEntry(input: { slug: string }): Promise<FreeEntryPage | null>;
  /** The referral code this browser came with (Playcart's cookie). */
  referralCode(headers: Headers): string | null;
  /** Single-endpoint mode: the host's payment webhook tells Playcart an order was paid. Returns the order's points (posted once, however often it is called). */
  orderPaid(input: {
    orderRef: string;
    order?: Order;
    amountPaidMinor?: number;
    paymentRef?: string | null;
    paidAt?: Date;
    db?: EngageDb;
  }): Promise<number>;
  /** Single-endpoint mode: a refund, as the cumulative amount refunded. Before orderPaid it is kept and applied then. */
  orderRefunded(input: { orderRef: string; amountRefundedMinor: number; db?: EngageDb }): Promise<void>;
  /** Single-endpoint mode: a dispute opened ("open") or closed ("won" | "lost"). Before orderPaid it is kept and applied then. */
  orderDisputed(input: { orderRef: string; status: DisputeStatus; db?: EngageDb }): Promise<void>;
  /** Runs the rules engine on pending events after this response (call after recording events). */
  sweepEventsAfterResponse(): Promise<void>;
  /**
   * The signed-in shopper's loyalty data (also served as a download at GET <basePath>/privacy/export).
   * Throws NotSignedInError for a guest: only an account proves whose data it is.
   */
  shopperData(input?: PrivacyInput): Promise<LoyaltyDataExport>;
  /**
   * Deletes the signed-in shopper's loyalty data (anonymised where the ledger and KPIs need it;
   * idempotent) and clears Playcart's cookies; the host then signs the shopper out. Also at
   * POST <basePath>/privacy/delete. Throws NotSignedInError for a guest.
   */
  deleteShopperData(input?: PrivacyInput): Promise<ErasureResult>;
  /** The short notice of financial incentive and the link to the full one (cached a minute), for the host's sign-up and referral landing. */
  incentiveNotice(): Promise<IncentiveNotice>;
  /** The owner admin of `config.admin`, for the host's admin page: `<PlaycartAdmin admin={playcart.admin} ... />`. */
  admin: PlaycartAdminHandle;
};

/**
 * Pass the config, or a function returning it: the function form is read on first use, so a
 * build that imports the route without the runtime environment does not fail.
 */
export function createPlaycart(config: PlaycartConfig | (() => PlaycartConfig)): Playcart {
  let runtime: Runtime | undefined;
  const rt = (): Runtime => {
    runtime ??= createRuntime(resolveConfig(typeof config === "function" ? config() : config));
    return runtime;
  };
  // A config object is checked now, so a mistake stops the app at start.
  if (typeof config !== "function") rt();
  const handle: Handler = async (req) => {
    try {
      return await route(rt(), req);
    } catch (err) {
      console.error("[playcart] route failed", err);
      return Response.json({ error: "internal error" }, { status: 500, headers: { "cache-control": "no-store" } });
    }
  };
  const adminConfig = () => {
    const config = rt().cfg.admin;
    if (!config) throw new PlaycartConfigError("playcart.admin needs config.admin: { basePath, authorize }");
    return config;
  };
  // The admin's code loads on its first action or export, never with the catch-all route.
  const loadAdmin = async () => (await import("../admin-ui/index.tsx")).createPlaycartAdmin(adminConfig());
  const admin: PlaycartAdminHandle = {
    get config() {
      return adminConfig();
    },
    act: async (name, prev, form) => (await loadAdmin()).act(name, prev, form),
    exportCsv: async (request) => (await loadAdmin()).exportCsv(request),
    exportPointsCsv: async (request) => (await loadAdmin()).exportPointsCsv(request),
  };
  const inTransaction = async <T>(db: EngageDb | undefined, fn: (tx: EngageDb) => Promise<T>) =>
    db ? fn(db) : (await rt().cfg.db()).transaction(fn);

  return {
    handlers: { GET: handle, POST: handle },
    checkout: async (input) => checkoutView(rt(), input),
    priceOrder: async (input) => priceOrder(rt(), input),
    rewardsPanel: async (input) => rewardsPanelData(rt(), input),
    play: async (raw, input = {}) =>
      playFor(
        rt(),
        await rt().cfg.adapter.shopperAnswer({ request: input.request ?? null, create: true }),
        raw,
        input.request?.headers ?? (await actionHeaders()),
      ),
    exitNudge: async (trigger, input = {}) =>
      exitNudgeFor(
        rt(),
        await rt().cfg.adapter.shopper({ request: input.request ?? null, create: false }),
        await headersOf(input),
        trigger,
      ),
    adventCalendar: async ({ slug, request }) =>
      adventFor(rt(), await rt().cfg.adapter.shopper({ request: request ?? null, create: false }), slug),
    officialRules: async ({ slug, version, productName }) => {
      const { cfg } = rt();
      return officialRules(await cfg.db(), slug, {
        version,
        now: await cfg.now(),
        timeZone: cfg.timeZone,
        currency: cfg.currency,
        productName,
        freeEntryHref: (s) => freeEntryHref(rt(), s),
      });
    },
    freeEntry: async ({ slug }) => freeEntryPage(rt(), slug),
    referralCode: referralCodeOf,
    orderPaid: async (input) => {
      const { cfg } = rt();
      const { amountPaidMinor } = input;
      if (amountPaidMinor !== undefined && !isMinorAmount(amountPaidMinor))
        throw new TypeError("playcart: orderPaid amountPaidMinor must be a whole number of minor units, 0 or more");
      const order = input.order
        ? checkedOrder(input.orderRef, input.order)
        : await orderFromAdapter(cfg.adapter, input.orderRef);
      if (!order) throw new Error(`playcart: adapter.order("${input.orderRef}") found no order`);
      // As on Playcart's own Stripe endpoint: points are earned on the order's total, and only
      // when the payment collected exactly that.
      if (amountPaidMinor !== undefined && amountPaidMinor !== order.totalMinor) {
        console.warn(
          `[playcart] order ${order.ref}: paid ${amountPaidMinor} but it totals ${order.totalMinor} ${order.currency}; no points`,
        );
        return 0;
      }
      const now = await cfg.now();
      const paidAt = input.paidAt ?? order.paidAt ?? now;
      return inTransaction(input.db, (tx) =>
        applyOrderPaid(tx, {
          order,
          amountPaidMinor: input.amountPaidMinor,
          paidAt,
          paymentRef: input.paymentRef,
          now,
        }),
      );
    },
    orderRefunded: async (input) => {
      if (!isMinorAmount(input.amountRefundedMinor))
        throw new TypeError(
          "playcart: orderRefunded amountRefundedMinor must be a whole number of minor units, 0 or more",
        );
      const now = await rt().cfg.now();
      await inTransaction(input.db, (tx) =>
        applyOrderRefunded(tx, { orderRef: input.orderRef, amountRefundedMinor: input.amountRefundedMinor, now }),
      );
    },
    orderDisputed: async (input) => {
      const now = await rt().cfg.now();
      await inTransaction(input.db, (tx) =>
        applyOrderDisputed(tx, { orderRef: input.orderRef, status: input.status, now }),
      );
    },
    sweepEventsAfterResponse: async () => rt().sweepAfterResponse(await rt().cfg.now()),
    shopperData: async (input = {}) => shopperDataFor(rt(), input),
    deleteShopperData: async (input = {}) => deleteShopperDataFor(rt(), input),
    incentiveNotice: async () => rt().incentiveNotice(),
    admin,
  };
}
