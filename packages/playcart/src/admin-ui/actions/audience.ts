import { z } from "zod";
import { assertValidCondition, estimateAudience, estimateWords, SAMPLE_PLAY_CONTEXT } from "../../index.ts";
import { adminAction, jsonField } from "./define.ts";

/** The campaign editor's live "about 340 customers match today", for the audience as drafted. */
export const estimateAudienceAction = adminAction(
  z.object({
    audience: jsonField("audience"),
  }),
  async (input, ctx) => {
    // A condition that cannot run (or an amount that is not in cents) is named, not estimated.
    assertValidCondition(input.audience, SAMPLE_PLAY_CONTEXT);
    const estimate = await estimateAudience(ctx.db, input.audience, { now: await ctx.now() });
    return { status: "ok", message: estimateWords(estimate) };
  },
  { readOnly: true },
);
