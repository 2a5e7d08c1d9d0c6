// An admin CSV download: the host's authorize decides first (404 where the admin is hidden,
// 401/403 otherwise), then the rows are built and sent as an attachment that is never cached.
import { type AdminConfig, type AdminContext, adminContext, checkAccess } from "./config.ts";

/** A file to send, or a refusal the builder explains in words (400). */
export type CsvFile = { filename: string; lines: string[] } | { error: string };

export async function csvDownload(config: AdminConfig, build: (ctx: AdminContext) => Promise<CsvFile>) {
  const access = await checkAccess(config, { kind: "export" });
  if ("refused" in access && access.hidden) return new Response("Not found.", { status: 404 });
  if ("refused" in access)
    return new Response(access.refused === "unauthenticated" ? "Please sign in." : "You are not allowed to do that.", {
      status: access.refused === "unauthenticated" ? 401 : 403,
    });
  const file = await build(await adminContext(config, access.actor));
  if ("error" in file) return new Response(file.error, { status: 400 });
  return new Response(`${file.lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
