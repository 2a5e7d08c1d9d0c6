import { currencyExponent } from "playcart";
import { env } from "@/lib/env";

export function formatMoney(minor: number, currency = env().STORE_CURRENCY): string {
  const code = currency.toUpperCase();
  return new Intl.NumberFormat("en-US", { style: "currency", currency: code }).format(
    minor / 10 ** currencyExponent(code),
  );
}
