// GET <base>/odds/<slug>: a game's public odds and rules. Public by design: anyone may read a
// game's odds before (or without) playing. A draft or unknown game is a 404 page.
import { currencyExponent } from "../../core/money.ts";
import { publicOdds } from "../../games/index.ts";
import { html } from "../http.ts";
import type { Runtime } from "../runtime.ts";
import { oddsNotFoundPage, oddsPage } from "./odds-page.ts";

const SLUG = /^[a-z0-9-]{1,100}$/;

export async function oddsRoute(rt: Runtime, slug: string): Promise<Response> {
  const { cfg } = rt;
  const home = cfg.pages.home;
  if (!SLUG.test(slug)) return html(oddsNotFoundPage(home), 404);
  const odds = await publicOdds(await cfg.db(), slug, {
    now: await cfg.now(),
    timeZone: cfg.timeZone,
    currency: cfg.currency,
  });
  if (!odds) return html(oddsNotFoundPage(home), 404);
  const format = new Intl.NumberFormat("en", { style: "currency", currency: cfg.currency.toUpperCase() });
  const money = (minor: number) => format.format(minor / 10 ** currencyExponent(cfg.currency));
  return html(oddsPage({ odds, timeZone: cfg.timeZone, money, home }));
}
