// Routes that act for the shopper behind this browser's cookies answer only the store's own
// pages: a JSON body (a cross-site form cannot send one without a CORS preflight, which
// these routes never grant) and, where the browser says where the request came from, the
// same origin. This matters when the store's cookies are SameSite=None (a framed https store).
export function fromThisStore(req: Request): boolean {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return false;
  const site = req.headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}
