// Auth.js cookies for an admin framed by a back office on another site.
import { describe, expect, it } from "vitest";
import { framedAdminCookies } from "@/lib/auth/frame-cookies";

describe("framedAdminCookies", () => {
  it("keeps Auth.js's defaults unless an https store is framed by an https origin", () => {
    expect(framedAdminCookies({})).toBeUndefined();
    expect(framedAdminCookies({ ADMIN_FRAME_ANCESTORS: "'self'", AUTH_URL: "https://shop.example" })).toBeUndefined();
    expect(
      framedAdminCookies({ ADMIN_FRAME_ANCESTORS: "https://backoffice.example", AUTH_URL: "http://127.0.0.1:3000" }),
    ).toBeUndefined();
  });

  it("makes the session, CSRF and callback cookies SameSite=None; Secure for a cross-site frame", () => {
    const cookies = framedAdminCookies({
      ADMIN_FRAME_ANCESTORS: "'self' https://backoffice.example",
      AUTH_URL: "https://shop.example",
    });
    expect(cookies?.sessionToken).toEqual({
      name: "__Secure-authjs.session-token",
      options: { httpOnly: true, sameSite: "none", path: "/", secure: true },
    });
    expect(cookies?.csrfToken.options).toMatchObject({ sameSite: "none", secure: true });
    expect(cookies?.callbackUrl.options).toMatchObject({ sameSite: "none", secure: true });
  });
});
