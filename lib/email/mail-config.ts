// How the demo sends email, read once from the environment: SMTP (or the dev outbox), the
// sender (whose display name is the store's name in every email), the logo and DKIM. Every
// email goes out with it: Playcart's reminders and the sign-in link alike.
import { readFileSync } from "node:fs";
import { dkimProblems, dkimSigning, type EmailConfig } from "playcart/next";
import { EnvError, env } from "@/lib/env";

function privateKey(e: ReturnType<typeof env>): string | undefined {
  if (!e.DKIM_PRIVATE_KEY_FILE) return e.DKIM_PRIVATE_KEY?.replaceAll("\\n", "\n");
  try {
    return readFileSync(e.DKIM_PRIVATE_KEY_FILE, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new EnvError([`DKIM_PRIVATE_KEY_FILE: cannot read ${e.DKIM_PRIVATE_KEY_FILE} (${code})`]);
  }
}

let cached: EmailConfig | undefined;

/** Throws EnvError naming the variable when the DKIM setup cannot sign for MAIL_FROM. */
export function mailConfig(): EmailConfig {
  if (cached) return cached;
  const e = env();
  let dkim: EmailConfig["dkim"] = null;
  if (e.DKIM_DOMAIN) {
    const given = { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR ?? "", privateKey: privateKey(e) ?? "" };
    const keyVar = e.DKIM_PRIVATE_KEY_FILE ? "DKIM_PRIVATE_KEY_FILE" : "DKIM_PRIVATE_KEY";
    const problems = dkimProblems(given, e.MAIL_FROM, {
      domain: "DKIM_DOMAIN",
      selector: "DKIM_SELECTOR",
      key: keyVar,
    });
    if (problems.length) throw new EnvError(problems);
    dkim = dkimSigning(given, e.MAIL_FROM, (p) => new EnvError(p));
  }
  cached = {
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    postalAddress: e.STORE_POSTAL_ADDRESS,
    logoUrl: e.STORE_LOGO_URL ?? null,
    dkim,
  };
  return cached;
}
