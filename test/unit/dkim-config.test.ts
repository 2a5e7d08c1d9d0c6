// DKIM settings are checked at start, each mistake named by the variable to fix: partial
// settings, a key that is not an RSA private key, and a domain the sender does not align with.
import { generateKeyPairSync } from "node:crypto";
import { dkimProblems } from "playcart/next";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { dkimKeys } from "../support/dkim";

const base = { AUTH_SECRET: "a-secret-of-at-least-16-chars" };
const FROM = "Harbour Beans <shop@mail.harbour.test>";
const VARS = { domain: "DKIM_DOMAIN", selector: "DKIM_SELECTOR", key: "DKIM_PRIVATE_KEY" };
const { privateKeyPem } = dkimKeys();

function envProblems(source: Record<string, string>): string[] {
  try {
    parseEnv({ ...base, ...source });
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).problems;
  }
  return [];
}

describe("DKIM settings", () => {
  it("are all or none, with one place for the key", () => {
    expect(envProblems({ DKIM_DOMAIN: "harbour.test" })).toEqual([
      "DKIM_DOMAIN: set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE) together, or none",
    ]);
    expect(
      envProblems({
        DKIM_DOMAIN: "harbour.test",
        DKIM_SELECTOR: "s1",
        DKIM_PRIVATE_KEY: privateKeyPem,
        DKIM_PRIVATE_KEY_FILE: "/run/secrets/dkim.pem",
      }),
    ).toEqual(["DKIM_PRIVATE_KEY_FILE: set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both"]);
    expect(envProblems({ DKIM_DOMAIN: "harbour.test", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY_FILE: "/k.pem" })).toEqual(
      [],
    );
  });

  it("need a sender with the store's name", () => {
    expect(envProblems({ MAIL_FROM: "shop@harbour.test" })[0]).toMatch(/^MAIL_FROM: MAIL_FROM must name the store/);
    expect(envProblems({ MAIL_FROM: FROM })).toEqual([]);
  });

  it("accept a parent domain of the sender (DMARC relaxed alignment) and a 2048-bit RSA key", () => {
    expect(
      dkimProblems({ domainName: "harbour.test", keySelector: "pc2026", privateKey: privateKeyPem }, FROM, VARS),
    ).toEqual([]);
  });

  it("refuse another domain, a bad selector, a key that is not a PEM, and a key that is not RSA", () => {
    expect(
      dkimProblems({ domainName: "other.test", keySelector: "bad selector", privateKey: "xyz" }, FROM, VARS),
    ).toEqual([
      "DKIM_SELECTOR must be the selector of your DKIM DNS record, such as playcart2026",
      "DKIM_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY----- ...)",
      "DKIM_DOMAIN (other.test) must be the domain of the sender address (mail.harbour.test) or a parent of it, or DMARC fails",
    ]);
    const ed = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(dkimProblems({ domainName: "harbour.test", keySelector: "s1", privateKey: ed }, FROM, VARS)).toEqual([
      "DKIM_PRIVATE_KEY must be an RSA private key (got ed25519)",
    ]);
  });
});
