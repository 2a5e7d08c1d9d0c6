"use client";

import { useActionState, useState } from "react";
import { postReviewAction } from "@/app/(store)/products/[slug]/review-action";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { idle } from "@/lib/action-state";

export function ReviewForm({ productId }: { productId: string }) {
  const [state, action, pending] = useActionState(postReviewAction, idle);
  const [rating, setRating] = useState("");
  const [body, setBody] = useState("");
  return (
    <form
      onSubmit={submitWithoutReset(action)}
      className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5"
      noValidate
    >
      <input type="hidden" name="productId" value={productId} />
      <fieldset>
        <legend className="text-sm font-medium">Your rating</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === String(n)}
                onChange={() => setRating(String(n))}
              />
              {n} {n === 1 ? "star" : "stars"}
            </label>
          ))}
        </div>
        <FieldError state={state} name="rating" id="rating-error" />
      </fieldset>
      <div>
        <label htmlFor="review-body" className="block text-sm font-medium">
          Your review
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={Boolean(state.fieldErrors?.body)}
          aria-describedby={state.fieldErrors?.body ? "body-error" : undefined}
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        />
        <FieldError state={state} name="body" id="body-error" />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Posting…" : "Post review"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
