import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { cartIdFromCookie, readCart } from "@/lib/cart";
import "./globals.css";

export const metadata: Metadata = { title: "Leaf & Kettle", description: "Tea and teaware" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const cart = await readCart(getDb(), await cartIdFromCookie());
  const count = cart?.itemCount ?? 0;
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Leaf &amp; Kettle
          </Link>
          <Link href="/cart" className="cart-link" aria-label={`Cart, ${count} items`}>
            Cart ({count})
          </Link>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
