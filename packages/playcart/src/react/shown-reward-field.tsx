"use client";

import { hydratedAfterPage } from "./hydrate-after-page.tsx";
import { useShownReward } from "./shown-reward.ts";
import { SHOWN_REWARD_FIELD } from "./shown-reward-event.ts";

export type ShownRewardFieldProps = {
  /** The id of the host's checkout <form>: the field submits with it from anywhere on the page. */
  form: string;
  /** The reward the page shows now (null: none). */
  rewardId: string | null;
};

/**
 * The hidden SHOWN_REWARD_FIELD of the host's checkout form, following a game's result as well
 * as the page. Hydrated after the host's page (hydratedAfterPage); until then it holds the
 * server's value, which is what the page shows.
 */
export const ShownRewardField = hydratedAfterPage(ShownRewardFieldNow);

function ShownRewardFieldNow({ form, rewardId }: ShownRewardFieldProps) {
  const shown = useShownReward(rewardId ?? "");
  return <input type="hidden" name={SHOWN_REWARD_FIELD} form={form} value={shown} />;
}
