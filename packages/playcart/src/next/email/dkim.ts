// DKIM signing for every email Playcart sends, checked once when the config is read: a key
// that does not parse or a domain that does not match the sender would otherwise show up only
// as mail quietly landing in spam.
import { createPrivateKey } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser/index.js";

export type DkimConfig = { domainName: string; keySelector: string; privateKey: string };

/** nodemailer's DKIM options, as every Playcart transport and message passes them. */
export type DkimSigning = DkimConfig & { headerFieldNames: string };

// nodemailer's default list (RFC 6376 5.4), plus List-Unsubscribe-Post: RFC 8058 requires both
// unsubscribe headers to be covered by a valid signature before a mailbox offers one-click.
const SIGNED_HEADERS = [
  "From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:Content-Transfer-Encoding",
  "Content-ID:Content-Description:Resent-Date:Resent-From:Resent-Sender:Resent-To:Resent-Cc:Resent-Message-ID",
  "In-Reply-To:References:List-Id:List-Help:List-Unsubscribe:List-Unsubscribe-Post:List-Subscribe:List-Post",
  "List-Owner:List-Archive",
].join(":");

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SELECTOR = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The address part of a From header ("Shop <a@b.c>" or "a@b.c"). */
export const fromAddress = (from: string) => addressparser(from, { flatten: true })[0]?.address ?? "";

/**
 * What is wrong with a DKIM setup for this sender, each problem in words an owner can act on
 * (named by the config field, `what`), or an empty list.
 */
export function dkimProblems(
  dkim: Partial<DkimConfig>,
  from: string,
  what: { domain: string; selector: string; key: string } = {
    domain: "dkim.domainName",
    selector: "dkim.keySelector",
    key: "dkim.privateKey",
  },
): string[] {
  const problems: string[] = [];
  const domain = (dkim.domainName ?? "").trim().toLowerCase();
  if (!DOMAIN.test(domain)) problems.push(`${what.domain} must be the domain you sign for, such as shop.example.com`);
  if (!SELECTOR.test(dkim.keySelector ?? ""))
    problems.push(`${what.selector} must be the selector of your DKIM DNS record, such as playcart2026`);
  try {
    const key = createPrivateKey(dkim.privateKey ?? "");
    // nodemailer signs rsa-sha256 only; receivers ignore RSA keys under 1024 bits (RFC 8301).
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (key.asymmetricKeyType !== "rsa")
      problems.push(`${what.key} must be an RSA private key (got ${key.asymmetricKeyType})`);
    else if (bits < 1024) problems.push(`${what.key} is a ${bits}-bit RSA key: use 2048 bits`);
  } catch {
    problems.push(`${what.key} must be a PEM private key (-----BEGIN PRIVATE KEY----- ...)`);
  }
  const sender = fromAddress(from).split("@").pop()?.toLowerCase() ?? "";
  // DMARC's relaxed alignment: the From domain is the signing domain or one under it.
  if (DOMAIN.test(domain) && sender !== domain && !sender.endsWith(`.${domain}`))
    problems.push(
      `${what.domain} (${domain}) must be the domain of the sender address (${sender || from}) or a parent of it, or DMARC fails`,
    );
  return problems;
}

/** The signing options for a checked config; throws listing every problem. */
export function dkimSigning(dkim: DkimConfig, from: string, onError: (problems: string[]) => Error): DkimSigning {
  const problems = dkimProblems(dkim, from);
  if (problems.length) throw onError(problems);
  return {
    domainName: dkim.domainName.trim().toLowerCase(),
    keySelector: dkim.keySelector,
    privateKey: dkim.privateKey,
    headerFieldNames: SIGNED_HEADERS,
  };
}
