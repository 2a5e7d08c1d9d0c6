import "server-only";
import { redirect } from "next/navigation";
import { currentViewer, type Viewer } from "./guards";

/**
 * For admin pages: each page calls this itself (a layout alone is not a check; it does not
 * re-run on every navigation). Anonymous visitors go to sign-in; shoppers get null.
 */
export async function adminViewerOrRedirect(path: string): Promise<Viewer | null> {
  const viewer = await currentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return viewer.isAdmin ? viewer : null;
}
