// Loyalty: tiers, stamps, badges, referrals, segments, birthdays, category affinity and
// the customer profile.

export * from "./affinity.ts";
export * from "./badges.ts";
export * from "./birthdays.ts";
export * from "./display-name.ts";
export * from "./profile.ts";
export * from "./profile-statement.ts";
export * from "./referral-report.ts";
export * from "./referrals.ts";
export * from "./segments.ts";
export * from "./stamps.ts";
export * from "./tier-progress.ts";
export * from "./tiers.ts";
