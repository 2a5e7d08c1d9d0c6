"use client";

import { useActionState, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type CheckoutState, placeOrderAction } from "@/app/(store)/checkout/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { MARKETING_CONSENT_WORDING } from "@/lib/store/marketing-consent";
import { PriceChangeNotice } from "./checkout-price-change";

export function CheckoutForm({
  defaultEmail,
  shownRewardId,
  payLabel,
  saving,
  rewardShownEvent,
}: {
  defaultEmail: string;
  /** The reward the checkout shows now ("" for none): sent with the order, so a change is explained first. */
  shownRewardId: string;
  payLabel: string;
  /** What this order saves, formatted ("$1.07"), or null: said right above the pay button. */
  saving?: string | null;
  /**
   * The DOM event a checkout game sends once its result has told the shopper what a reward saves
   * on this order (Playcart's PLAYCART_REWARD_SHOWN_EVENT; null without Playcart). Named by the
   * page rather than here, so this form's chunk holds nothing of Playcart's.
   */
  rewardShownEvent?: string | null;
}) {
  const [state, action] = useActionState<CheckoutState, FormData>(placeOrderAction, idle);
  // Controlled: React resets a form after its action runs, which would wipe what was typed
  // and leave the field's error under a value the shopper did not enter.
  const [email, setEmail] = useState(defaultEmail);
  const emailField = useRef<HTMLInputElement>(null);
  // Whether the shopper has typed in the field: what they typed is theirs from then on.
  const typed = useRef(false);
  // The store learnt the email since (given at a game, or with an order the checkout explained):
  // show it, but never over or after what the shopper typed. The field in focus counts as theirs
  // too: a refresh landing while they type would otherwise add the email to their keystrokes.
  // A layout effect: the check and the new value land in one task, with no keystroke between.
  useLayoutEffect(() => {
    if (typed.current || document.activeElement === emailField.current) return;
    setEmail(defaultEmail);
  }, [defaultEmail]);
  // What the shopper was last shown: the page's reward, or the price an explained change left.
  const [shown, setShown] = useState(shownRewardId);
  useEffect(() => setShown(shownRewardId), [shownRewardId]);
  useEffect(() => {
    if (state.priceChange) setShown(state.priceChange.shownRewardId);
  }, [state]);
  // A game has told the shopper what its prize saves: paying before the refresh lands places the
  // order at that price, rather than stopping to explain a saving they have just read.
  useEffect(() => {
    if (!rewardShownEvent) return;
    const onShown = (e: Event) => setShown((e as CustomEvent<{ rewardId: string }>).detail.rewardId);
    document.addEventListener(rewardShownEvent, onShown);
    return () => document.removeEventListener(rewardShownEvent, onShown);
  }, [rewardShownEvent]);
  const [dismissed, setDismissed] = useState<object | null>(null);
  const change = state.priceChange && dismissed !== state ? state.priceChange : null;
  return (
    // Its id lets the reward chooser beside the order summary post with it.
    <form id="checkout" action={action} className="space-y-4" noValidate>
      <input type="hidden" name="shownRewardId" value={shown} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email for your receipt and points
        </label>
        <input
          ref={emailField}
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => {
            typed.current = true;
            setEmail(e.target.value);
          }}
          required
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? "email-error" : "email-hint"}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        <p id="email-hint" className="mt-1 text-xs text-stone-600">
          No account needed: guests earn points too.
        </p>
        <FieldError state={state} name="email" id="email-error" />
      </div>
      {/* Unchecked by default: consent is given, never assumed. Its wording is stored with it. */}
      <div className="flex items-start gap-2">
        <input
          id="marketingConsent"
          name="marketingConsent"
          type="checkbox"
          value="yes"
          className="mt-1 h-4 w-4 accent-brand-700"
        />
        <label htmlFor="marketingConsent" className="text-sm text-stone-700">
          {MARKETING_CONSENT_WORDING}
        </label>
      </div>
      {change ? (
        <PriceChangeNotice
          change={change}
          onBack={() => {
            setDismissed(state);
            emailField.current?.focus();
          }}
        />
      ) : (
        <FormMessage state={state} />
      )}
      <div>
        {/* A live region from the start (empty, it takes no room), so the saving a game just won is announced when the totals refresh. */}
        <p id="pay-saving" role="status" className="text-center font-semibold text-brand-800 [&:not(:empty)]:mb-2">
          {saving && !change ? `Continue: you save ${saving}` : null}
        </p>
        <SubmitButton
          pendingLabel="Placing your order…"
          className="w-full"
          aria-describedby={saving && !change ? "pay-saving" : undefined}
        >
          {payLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
