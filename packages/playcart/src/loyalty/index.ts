// Loyalty: tiers, stamps, badges, referrals, segments, birthdays, category affinity and
// the customer profile.

export * from "./affinity";
export * from "./badges";
export * from "./birthdays";
export * from "./profile";
export * from "./referrals";
export * from "./segments";
export * from "./stamps";
export * from "./tier-progress";
export * from "./tiers";
