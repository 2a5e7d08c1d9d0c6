// The badge's preview image for link unfurls. Drawn with shapes, the badge's SVG emblem and
// next/og's bundled font only: no emoji or web fonts, which next/og would download at run time.
import { ImageResponse } from "next/og";
import { badgeByShareId } from "playcart";
import { BadgeEmblem } from "playcart/react";
import { getDb } from "@/db/client";
import { STORE_NAME } from "@/lib/store/store-name";

export const alt = `A badge from ${STORE_NAME}`;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

const ascii = (s: string) => s.replace(/[^\x20-\x7E]/g, "");

export default async function Image({ params }: { params: Promise<{ shareId: string }> }) {
  const badge = await badgeByShareId(await getDb(), (await params).shareId);
  const name = ascii(badge?.name ?? "Badge");
  const description = ascii(badge?.description ?? `A badge from ${STORE_NAME}.`);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        gap: 64,
        padding: 80,
        background: "linear-gradient(135deg, #ecfdf5, #fef3c7)",
      }}
    >
      <div
        style={{
          width: 300,
          height: 300,
          borderRadius: 150,
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          background: "linear-gradient(135deg, #fcd34d, #d97706)",
          border: "16px solid #065f46",
        }}
      >
        <BadgeEmblem slug={badge?.slug ?? ""} size={180} />
      </div>
      <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
        <div style={{ fontSize: 32, color: "#047857", display: "flex" }}>{`Badge earned at ${ascii(STORE_NAME)}`}</div>
        <div style={{ fontSize: 80, fontWeight: 700, color: "#1c1917", display: "flex" }}>{name}</div>
        <div style={{ fontSize: 34, color: "#44403c", marginTop: 16, display: "flex" }}>{description}</div>
      </div>
    </div>,
    size,
  );
}
