import type { Metadata } from "next";
import localFont from "next/font/local";
import { Header } from "@/components/store/header";
import { metadataOrigin } from "@/lib/store/origin";
import "playcart/styles.css";
import "./globals.css";

// metadataBase: relative og:image and og:url links resolve at the store's public origin, never
// at the address `next start` listens on.
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(metadataOrigin()),
    title: { default: "Corner Roastery: a Playcart demo store", template: "%s · Corner Roastery" },
    description: "A small demo store running Playcart, the checkout engagement plugin.",
  };
}

// The store's display face, Fraunces (SIL OFL), from its npm package: built into the app and
// served from the store's own origin, nothing fetched at run time. next/font preloads it and
// sizes the fallback to its metrics, so headings do not jump when it arrives.
const display = localFont({
  src: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
  weight: "100 900",
  display: "swap",
  variable: "--font-brand",
  fallback: ["ui-serif", "Georgia", "Cambria", "Times New Roman", "serif"],
  adjustFontFallback: "Times New Roman",
});

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={display.variable}>
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <Header />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-stone-600">
          Corner Roastery is a demo store for Playcart. Nothing here is for sale.
        </footer>
      </body>
    </html>
  );
}
