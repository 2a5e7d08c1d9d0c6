// The account page's loyalty section: stamp cards with progress, badges, the referral link
// and the birthday. Everything comes from Playcart's public functions.

import {
  birthdayOf,
  customerBadgeList,
  ensureCustomer,
  referralCodeFor,
  referralSummary,
  stampCardProgress,
} from "playcart";
import { BadgeList, StampCard } from "playcart/react";
import { getDb } from "@/db/client";
import { requestOrigin } from "@/lib/store/origin";
import { BirthdayForm } from "./birthday-form";

export async function AccountLoyalty({ email, userId }: { email: string; userId: string }) {
  const db = await getDb();
  const customer = await ensureCustomer(db, { email, userRef: userId });
  const [cards, held, code, referred, birthday, origin] = await Promise.all([
    stampCardProgress(db, customer.id),
    customerBadgeList(db, customer.id),
    referralCodeFor(db, customer.id),
    referralSummary(db, customer.id),
    birthdayOf(db, customer.id),
    requestOrigin(),
  ]);
  const link = `${origin}/api/playcart/r/${code}`;
  return (
    <>
      <section aria-labelledby="badges-heading" className="space-y-3">
        <h2 id="badges-heading" className="text-lg font-medium">
          Badges
        </h2>
        <BadgeList badges={held} />
      </section>
      <section aria-labelledby="stamps-heading" className="space-y-3">
        <h2 id="stamps-heading" className="text-lg font-medium">
          Stamp cards
        </h2>
        {cards.map((c) => (
          <StampCard
            key={c.slug}
            name={c.name}
            stamps={c.stamps}
            required={c.required}
            reward={c.badge ? `the ${c.badge} badge` : undefined}
          />
        ))}
      </section>
      <section aria-labelledby="referral-heading" className="space-y-2">
        <h2 id="referral-heading" className="text-lg font-medium">
          Refer a friend
        </h2>
        <p className="text-stone-600">Share your link. When a friend places their first order, you get a stamp.</p>
        <label htmlFor="referral-link" className="sr-only">
          Your referral link
        </label>
        <input
          id="referral-link"
          readOnly
          value={link}
          className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
          data-testid="referral-link"
        />
        <p className="text-sm text-stone-600">
          {referred.converted} {referred.converted === 1 ? "friend has" : "friends have"} ordered through your link.
        </p>
      </section>
      <section aria-labelledby="birthday-heading" className="space-y-2">
        <h2 id="birthday-heading" className="text-lg font-medium">
          Your birthday
        </h2>
        <p className="text-stone-600">Tell us the day and we'll send a treat.</p>
        <BirthdayForm birthday={birthday} />
      </section>
    </>
  );
}
