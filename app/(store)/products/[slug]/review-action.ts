"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { currentViewer } from "@/lib/auth/guards";
import { playcart } from "@/lib/playcart";
import { storeNow } from "@/lib/store/clock";
import { postReview, ReviewError, reviewInput } from "@/lib/store/reviews";

export async function postReviewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await currentViewer();
  if (!viewer) return { status: "unauthenticated", message: "Please sign in to write a review." };
  const input = reviewInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  try {
    await postReview(await getDb(), { userId: viewer.id, email: viewer.email }, input.data, await storeNow());
  } catch (err) {
    if (err instanceof ReviewError) return { status: "invalid", message: err.message };
    console.error("[playcart] review failed", err);
    return { status: "error", message: "Your review could not be saved. Please try again." };
  }
  // The review's badge is awarded by the rules engine, right after this response.
  await playcart.sweepEventsAfterResponse();
  revalidatePath("/products/[slug]", "page");
  return { status: "ok", message: "Thank you! Your review is posted. Check your account for a new badge." };
}
