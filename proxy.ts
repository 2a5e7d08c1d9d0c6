// Sets who may frame the admin: the store's own back office embeds /admin in an iframe, and
// no one else can (clickjacking). ADMIN_FRAME_ANCESTORS is validated in lib/env.ts.
import { NextResponse } from "next/server";
import { env } from "@/lib/env";

export function adminFramePolicy(): string {
  return `frame-ancestors ${env().ADMIN_FRAME_ANCESTORS.join(" ")}`;
}

export function proxy() {
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", adminFramePolicy());
  return response;
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
