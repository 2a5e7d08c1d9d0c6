// DKIM for the mail tests: a fresh RSA key, and a verifier (mailauth) that reads the public
// key from this test instead of DNS.
import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify";

export function dkimKeys() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    /** The TXT record an owner would publish at <selector>._domainkey.<domain>. */
    record: `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`,
  };
}

export type DkimResult = {
  status: { result: string; aligned?: string | false };
  signingDomain: string;
  selector: string;
  signingHeaders?: { keys: string };
};

/** Verifies every DKIM signature of a raw message (as the SMTP server received it, one char per byte). */
export async function verifyDkim(raw: string, dns: { name: string; record: string }): Promise<DkimResult[]> {
  const result = await dkimVerify(Buffer.from(raw, "latin1"), {
    resolver: async (name: string, type: string) => {
      if (type === "TXT" && name === dns.name) return [[dns.record]];
      throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
    },
  });
  return result.results as DkimResult[];
}
