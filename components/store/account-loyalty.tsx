// The account page's loyalty section: stamp cards with progress, badges, the referral link
// with its share buttons, the public name and the birthday. Everything comes from Playcart's
// public functions; every link is at the store's public origin.

import {
  birthdayOf,
  customerBadgeList,
  displayNameOf,
  ensureCustomer,
  referralCodeFor,
  referralSummary,
  stampCardProgress,
} from "playcart";
import { BadgeList, ReferralShare, ShareButtons, StampCard } from "playcart/react";
import { getDb } from "@/db/client";
import { storeOrigin } from "@/lib/store/origin";
import { STORE_NAME } from "@/lib/store/store-name";
import { BirthdayForm } from "./birthday-form";
import { DisplayNameForm } from "./display-name-form";

const SHARED_ROUTE = "/api/playcart/shared";

export async function AccountLoyalty({ email, userId }: { email: string; userId: string }) {
  const db = await getDb();
  const customer = await ensureCustomer(db, { email, userRef: userId });
  const [cards, held, code, referred, birthday, displayName] = await Promise.all([
    stampCardProgress(db, customer.id),
    customerBadgeList(db, customer.id),
    referralCodeFor(db, customer.id),
    referralSummary(db, customer.id),
    birthdayOf(db, customer.id),
    displayNameOf(db, customer.id),
  ]);
  const link = `${storeOrigin()}/api/playcart/r/${code}`;
  const invite = `Your first order at ${STORE_NAME} earns me a stamp. Here is my link:`;
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
            share={
              c.slug === "referrals" ? (
                <ShareButtons
                  url={link}
                  text={`I have ${c.stamps} of ${c.required} stamps on my ${c.name} card at ${STORE_NAME}. ${invite}`}
                  title={`My ${c.name} card`}
                  label={`Share your ${c.name} card`}
                  reportTo={SHARED_ROUTE}
                />
              ) : undefined
            }
          />
        ))}
      </section>
      <section aria-labelledby="referral-heading" className="space-y-2">
        <h2 id="referral-heading" className="text-lg font-medium">
          Refer a friend
        </h2>
        <p className="text-stone-600">Share your link. When a friend places their first order, you get a stamp.</p>
        <ReferralShare url={link} text={invite} reportTo={SHARED_ROUTE} />
        <p className="text-sm text-stone-600" data-testid="referral-count">
          {referred.converted} {referred.converted === 1 ? "friend has" : "friends have"} ordered through your link.
        </p>
      </section>
      <section aria-labelledby="name-heading" className="space-y-2">
        <h2 id="name-heading" className="text-lg font-medium">
          Your public name
        </h2>
        <p className="text-stone-600">Shown on your reviews and badge pages. Leave it empty to show no name.</p>
        <DisplayNameForm displayName={displayName} />
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
