// Who is playing, as the keys per-person limits hold on: a normalised email, the account
// and the device cookie. Any one of them already at its limit stops the play.

const GMAIL = new Set(["gmail.com", "googlemail.com"]);

/**
 * The address a limit counts as one person. Case and "+tags" never make a new person; for
 * Gmail, dots in the local part do not either (j.doe@gmail.com is jdoe@gmail.com).
 */
export function limitEmail(email: string): string {
  const [rawLocal, rawDomain = ""] = email.trim().toLowerCase().split("@");
  let local = rawLocal.split("+")[0];
  let domain = rawDomain;
  if (GMAIL.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

export type Shopper = { email?: string | null; userRef?: string | null; deviceId?: string | null };

export function identityKeys(s: Shopper): string[] {
  const keys: string[] = [];
  if (s.email) keys.push(`email:${limitEmail(s.email)}`);
  if (s.userRef) keys.push(`user:${s.userRef}`);
  if (s.deviceId) keys.push(`device:${s.deviceId}`);
  // Sorted: every transaction takes the allowance row locks in the same order (no deadlocks).
  return keys.sort();
}
