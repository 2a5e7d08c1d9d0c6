// GET <base>/privacy/export: the signed-in shopper's loyalty data as a JSON download.
// POST <base>/privacy/delete {confirm: "delete"}: deletes it (anonymised where the books need it).
// Both act only for the shopper of this browser's session: a customer id in the request that
// is not theirs is refused (403), never served.
import { z } from "zod";
import { fromSameOrigin, json, readJson, sameSiteFetch } from "../http.ts";
import {
  deleteShopperDataFor,
  exportFileName,
  NotSignedInError,
  ownCustomerIds,
  SHOPPER_COOKIES,
  shopperDataFor,
} from "../privacy.ts";
import type { Runtime } from "../runtime.ts";

const signInFirst = () => json({ error: "Sign in to see or delete your loyalty data." }, 401);
const notYours = () => json({ error: "You can only download or delete your own loyalty data." }, 403);

/** A customer id the request names: allowed only when it is one of the signed-in shopper's own. */
async function namesAnotherCustomer(rt: Runtime, req: Request, named: string | null | undefined) {
  if (named === null || named === undefined) return false;
  return !(await ownCustomerIds(rt, { request: req })).includes(named);
}

export async function privacyExportRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!sameSiteFetch(req)) return json({ error: "forbidden" }, 403);
  try {
    if (await namesAnotherCustomer(rt, req, new URL(req.url).searchParams.get("customer"))) return notYours();
    const data = await shopperDataFor(rt, { request: req });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(new Date(data.exportedAt))}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotSignedInError) return signInFirst();
    throw err;
  }
}

const deleteInput = z.object({
  confirm: z.literal("delete", { message: 'Confirm with {"confirm": "delete"}.' }),
  customer: z.string().max(100).optional(),
});

export async function privacyDeleteRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req)) return json({ error: "This is answered only to the store's own pages." }, 403);
  const body = await readJson(req, 1_024);
  if (!body.ok) return body.response;
  const input = deleteInput.safeParse(body.value);
  if (!input.success) return json({ error: input.error.issues[0]?.message ?? "Invalid request." }, 400);
  try {
    if (await namesAnotherCustomer(rt, req, input.data.customer)) return notYours();
    const result = await deleteShopperDataFor(rt, { request: req });
    const clear = SHOPPER_COOKIES.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    const res = json({ status: "deleted", erased: result.erased.length });
    for (const c of clear) res.headers.append("set-cookie", c);
    return res;
  } catch (err) {
    if (err instanceof NotSignedInError) return signInFirst();
    throw err;
  }
}
