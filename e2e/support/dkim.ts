// The e2e server signs every email with a key it makes per run (scripts/e2e-server.mjs); this
// checks a received message's signature against the public half, with no DNS.
import { readFileSync } from "node:fs";
import path from "node:path";
import { verifyDkim } from "../../test/support/dkim";
import type { Mail } from "./smtp";

export async function dkimResult(mail: Mail) {
  const record = readFileSync(path.resolve(__dirname, "../../.data-e2e/dkim-record.txt"), "utf8");
  const [signature] = await verifyDkim(mail.raw, { name: "e2e._domainkey.playcart.test", record });
  return { result: signature?.status.result, domain: signature?.signingDomain };
}
