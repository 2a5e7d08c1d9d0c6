import { z } from "zod";
import { recordTestReminder, resetReminderWords, updateReminderWords } from "../../admin/index.ts";
import { mailTransport, sampleReminder } from "../../next/index.ts";
import { reminderWordsSchema } from "../../reminders/index.ts";
import { adminAction } from "./define.ts";

// The body is one textarea: a line of the email per line typed, blank lines left out.
const wordsForm = z
  .object({ subject: z.string().default(""), heading: z.string().default(""), body: z.string().default("") })
  .transform((f) => ({
    ...f,
    body: f.body
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  }))
  .pipe(reminderWordsSchema);

export const saveReminderWordsAction = adminAction(wordsForm, async (input, ctx) => {
  await updateReminderWords(ctx.db, ctx.actor, input);
  return { status: "ok", message: "Saved: the next reminders use these words." };
});

export const resetReminderWordsAction = adminAction(z.object({}), async (_input, ctx) => {
  await resetReminderWords(ctx.db, ctx.actor);
  return { status: "ok", message: "Reminders use the built-in words again." };
});

const ownerEmail = z.email();

/** Sends the words in the form (saved or not) to the owner who asks, and only to them. */
export const sendTestReminderAction = adminAction(wordsForm, async (words, ctx) => {
  const to = ownerEmail.safeParse(ctx.actor);
  if (!to.success)
    return {
      status: "invalid",
      message: `Your admin sign-in (${ctx.actor}) is not an email address to send a test to.`,
    };
  const mail = await sampleReminder(ctx, words, to.data);
  const send = mailTransport(ctx.email ?? { from: "store@localhost", postalAddress: "" }, ctx.outbox);
  try {
    const via = await send({ ...mail, subject: `[Test] ${mail.subject}` });
    if (via === "dropped") return { status: "error", message: "No email is configured: nothing was sent." };
    await recordTestReminder(ctx.db, ctx.actor, { to: to.data, words });
    return {
      status: "ok",
      message: via === "smtp" ? `Test sent to ${to.data}.` : `Test kept in the dev outbox for ${to.data}.`,
    };
  } catch (err) {
    return { status: "error", message: `The test could not be sent: ${err instanceof Error ? err.message : err}` };
  } finally {
    await send.close();
  }
});
