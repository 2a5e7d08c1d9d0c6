// The holdout: a fixed share of shoppers is never offered a campaign's game, so its lift can
// be measured against them. Assignment hashes campaign + identity, so a shopper stays in the
// same group on every visit and on every server, with nothing stored.
import { createHash } from "node:crypto";
import { personKey, type Shopper } from "../core/identity.ts";

/** The identity a holdout sticks to: the person key of the email, else the account, else the device. */
export function holdoutIdentity(s: Shopper): string | null {
  if (s.email) return `email:${personKey(s.email)}`;
  if (s.userRef) return `user:${s.userRef}`;
  if (s.deviceId) return `device:${s.deviceId}`;
  return null;
}

/** A stable bucket in [0, 10000) for this campaign and identity. */
export function holdoutBucket(campaignId: string, identity: string): number {
  const digest = createHash("sha256").update(`${campaignId}\n${identity}`).digest();
  return digest.readUInt32BE(0) % 10_000;
}

export function isHeldOut(campaign: { id: string; holdoutPercent: number }, identity: string | null): boolean {
  if (!identity || campaign.holdoutPercent <= 0) return false;
  return holdoutBucket(campaign.id, identity) < campaign.holdoutPercent * 100;
}
