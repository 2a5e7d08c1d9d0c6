// Every store page carries Playcart's rewards launcher: one small button; the panel's script
// and data load when a shopper opens it. PLAYCART_ENGAGE=off leaves it out altogether.
import { RewardsLauncher } from "playcart/react";
import { env } from "@/lib/env";

export default function StoreLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      {env().PLAYCART_ENGAGE === "on" && <RewardsLauncher endpoint="/api/playcart/panel" joinHref="/signin" />}
    </>
  );
}
