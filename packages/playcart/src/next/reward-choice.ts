// The reward a shopper chose at checkout, as posted with the host's checkout form. Only an
// id: priceOrder honours it only if it is among the shopper's own rewards that apply.
import { z } from "zod";

/** The form field <RewardChooser> posts (playcart/react). */
export const REWARD_FIELD = "playcart_reward";

const rewardId = z.uuid();

/** The chosen reward's id, or null when the form chose none (or sent something that is not an id). */
export function rewardChoiceOf(form: FormData | undefined): string | null {
  const raw = form?.get(REWARD_FIELD);
  if (typeof raw !== "string" || raw === "") return null;
  const parsed = rewardId.safeParse(raw);
  // Not an id at all: refused like any reward that is not the shopper's.
  return parsed.success ? parsed.data : "00000000-0000-0000-0000-000000000000";
}
