import type { Metadata } from "next";
import { connection } from "next/server";
import { incentiveNoticeDetails } from "playcart";
import { IncentiveNoticePage } from "playcart/react";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/store/money";
import { STORE_NAME } from "@/lib/store/store-name";

export const metadata: Metadata = { title: "Rewards programme: notice of financial incentive" };

// Public: the full notice the short one links to wherever a shopper joins (playcart's
// config.pages.notice). Built from what the store runs: earn rate, rules, catalog.
export default async function LoyaltyNoticePage() {
  await connection();
  const currency = env().STORE_CURRENCY;
  const details = await incentiveNoticeDetails(await getDb(), {
    currency,
    money: (minor) => formatMoney(minor, currency),
  });
  return (
    <div className="mx-auto max-w-3xl">
      <IncentiveNoticePage details={details} storeName={STORE_NAME} accountHref="/account" joinHref="/signin" />
    </div>
  );
}
