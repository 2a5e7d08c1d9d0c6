// California's notice of financial incentive (CCPA, Cal. Code Regs. tit. 11 § 7016): a loyalty
// programme that collects personal data must say so where a shopper joins, with a link to the
// full notice (what data, what the shopper gets, the value of the data, how to opt out).
// The short text is a store setting (incentiveNotice); this is its default.
export const DEFAULT_INCENTIVE_NOTICE =
  "Notice of financial incentive: our rewards programme trades points and prizes for your email and order " +
  "history. Joining is optional.";

export const INCENTIVE_NOTICE_LINK_TEXT = "Read the full notice";
