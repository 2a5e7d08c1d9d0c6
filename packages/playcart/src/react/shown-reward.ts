"use client";

// The reward the checkout last told the shopper about, kept for the order's form: the page's
// (the server's, after every refresh), or one a game's result has just named with its saving on
// this order, before the refresh that prices it into the totals has landed. The order is then
// sent with what the shopper read, and priceOrder explains only a price they have not been told.
import { useEffect, useState } from "react";
import { REWARD_SHOWN_EVENT, type RewardShownDetail } from "./shown-reward-event.ts";

/** Tells the checkout's form that the shopper has just been told what `rewardId` saves on this order. */
export function announceRewardShown(rewardId: string): void {
  document.dispatchEvent(new CustomEvent<RewardShownDetail>(REWARD_SHOWN_EVENT, { detail: { rewardId } }));
}

/**
 * The reward id to send with the order: the one a game last announced, as long as the page
 * still shows the reward it showed then; otherwise `pageRewardId` ("" for none). Derived at
 * render, so a refreshed page's reward is sent from its first render on.
 */
export function useShownReward(pageRewardId: string): string {
  const [announced, setAnnounced] = useState<{ rewardId: string; over: string } | null>(null);
  useEffect(() => {
    const onShown = (e: Event) =>
      setAnnounced({ rewardId: (e as CustomEvent<RewardShownDetail>).detail.rewardId, over: pageRewardId });
    document.addEventListener(REWARD_SHOWN_EVENT, onShown);
    return () => document.removeEventListener(REWARD_SHOWN_EVENT, onShown);
  }, [pageRewardId]);
  return announced?.over === pageRewardId ? announced.rewardId : pageRewardId;
}
