"use server";

import { revalidatePath } from "next/cache";
import { displayNameInput, ensureCustomer, setDisplayName } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { currentViewer } from "@/lib/auth/guards";

const input = z.object({ displayName: displayNameInput });

export async function saveDisplayNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await currentViewer();
  if (!viewer) return { status: "unauthenticated", message: "Please sign in." };
  const parsed = input.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const customer = await ensureCustomer(tx, { email: viewer.email, userRef: viewer.id });
    await setDisplayName(tx, customer.id, parsed.data.displayName);
  });
  revalidatePath("/account");
  return {
    status: "ok",
    message: parsed.data.displayName
      ? `Saved. Your reviews and badges are signed "${parsed.data.displayName}".`
      : "Saved. Your reviews and badges show no name.",
  };
}
