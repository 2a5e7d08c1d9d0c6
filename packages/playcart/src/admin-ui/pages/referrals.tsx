import { referralReport } from "../../index.ts";
import { ReferralList } from "../components/referral-list.tsx";
import type { AdminPageProps } from "./page-props.ts";

export async function ReferralsPage({ ctx }: AdminPageProps) {
  const rows = await referralReport(ctx.db, { limit: 200 });
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Referrals</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        Every order placed through a referral link, newest first: converted (the referrer got a stamp), refunded in full
        since (the stamp went back), or refused, with the rule and what it saw.
      </p>
      <ReferralList rows={rows} href={(id) => ctx.href(`customers/${id}`)} empty="No referred orders yet." />
    </div>
  );
}
