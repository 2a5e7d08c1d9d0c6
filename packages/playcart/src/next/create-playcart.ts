// createPlaycart(config): the handlers for the host's one catch-all route, and the server
// helpers for its pages, actions and (in single-endpoint mode) its own payment webhook.

import type { PlaycartAdminHandle } from "../admin-ui/index.tsx";
import type { EngageDb } from "../core/db.ts";
import type { DisputeStatus } from "../core/schema.ts";
import type { PlayOutcome } from "../games/index.ts";
import { type CheckoutInput, type CheckoutView, checkoutView } from "./checkout.ts";
import type { Order, PlaycartConfig } from "./config.ts";
import { referralCodeOf } from "./cookies.ts";
import { applyOrderDisputed, applyOrderPaid, applyOrderRefunded } from "./order-effects.ts";
import { playFor } from "./play.ts";
import { type PricedOrder, type PriceOrderInput, priceOrder } from "./price-order.ts";
import { PlaycartConfigError, resolveConfig } from "./resolve-config.ts";
import { route } from "./router.ts";
import { createRuntime, type Runtime } from "./runtime.ts";

type Handler = (req: Request, ctx?: unknown) => Promise<Response>;

export type Playcart = {
  /** `export const { GET, POST } = playcart.handlers;` in app/api/playcart/[...playcart]/route.ts */
  handlers: { GET: Handler; POST: Handler };
  /** For the checkout page (server component); reads the page's request headers itself unless given `headers` or `request`. */
  checkout(input?: CheckoutInput): Promise<CheckoutView>;
  /** At order placement: the server-decided discount, reserved for `orderRef`. */
  priceOrder(input: PriceOrderInput): Promise<PricedOrder>;
  /** A play from the host's own server action (same checks as the play route). */
  play(raw: unknown, input?: { request?: Request }): Promise<PlayOutcome>;
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
  /** Single-endpoint mode: a refund, as the cumulative amount refunded. */
  orderRefunded(input: { orderRef: string; amountRefundedMinor: number; db?: EngageDb }): Promise<void>;
  /** Single-endpoint mode: a dispute opened ("open") or closed ("won" | "lost"). */
  orderDisputed(input: { orderRef: string; status: DisputeStatus; db?: EngageDb }): Promise<void>;
  /** Runs the rules engine on pending events after this response (call after recording events). */
  sweepEventsAfterResponse(): Promise<void>;
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
  };
  const inTransaction = async <T>(db: EngageDb | undefined, fn: (tx: EngageDb) => Promise<T>) =>
    db ? fn(db) : (await rt().cfg.db()).transaction(fn);

  return {
    handlers: { GET: handle, POST: handle },
    checkout: (input) => checkoutView(rt(), input),
    priceOrder: (input) => priceOrder(rt(), input),
    play: async (raw, input = {}) =>
      playFor(rt(), await rt().cfg.adapter.shopper({ request: input.request ?? null, create: true }), raw),
    referralCode: referralCodeOf,
    orderPaid: async (input) => {
      const { cfg } = rt();
      const order = input.order ?? (await cfg.adapter.order(input.orderRef));
      if (!order) throw new Error(`playcart: adapter.order("${input.orderRef}") found no order`);
      const paidAt = input.paidAt ?? order.paidAt ?? (await cfg.now());
      return inTransaction(input.db, (tx) =>
        applyOrderPaid(tx, { order, amountPaidMinor: input.amountPaidMinor, paidAt, paymentRef: input.paymentRef }),
      );
    },
    orderRefunded: async (input) => {
      const now = await rt().cfg.now();
      await inTransaction(input.db, (tx) => applyOrderRefunded(tx, { ...input, now }));
    },
    orderDisputed: async (input) => {
      await inTransaction(input.db, (tx) => applyOrderDisputed(tx, input));
    },
    sweepEventsAfterResponse: async () => rt().sweepAfterResponse(await rt().cfg.now()),
    admin,
  };
}
