// After sign-in Auth.js asks where to send the browser. Same-site targets become paths (the
// browser keeps its own host, 127.0.0.1 or localhost alike); anything off-site goes home.
import { describe, expect, it } from "vitest";
import { authConfig } from "@/lib/auth/config";

const redirect = (url: string, baseUrl = "http://localhost:3100") => authConfig.callbacks.redirect({ url, baseUrl });

describe("sign-in redirect", () => {
  it("keeps same-site targets, as paths", () => {
    expect(redirect("/account")).toBe("/account");
    expect(redirect("http://localhost:3100/admin?x=1#top")).toBe("/admin?x=1#top");
    // Next reports 127.0.0.1 as localhost inside route handlers: the two are one site here.
    expect(redirect("http://127.0.0.1:3100/account")).toBe("/account");
  });

  it("sends off-site and malformed targets to the home page", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "http://127.0.0.1:9999/account",
      "https://localhost:3100/",
    ]) {
      const to = redirect(url);
      expect(to, url).toBe("/");
    }
    expect(redirect("http://localhost:3100//evil.example")).toBe("/evil.example");
  });
});
