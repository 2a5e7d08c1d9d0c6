// Which SMTP failures are worth retrying. A 5xx reply (unknown mailbox, rejected message) will
// fail the same way again: permanent. A 4xx reply (greylisting, mailbox busy) or a network
// error (refused, reset, timeout) is transient.
import { SendFailure } from "../../reminders/index.ts";

type SmtpError = { responseCode?: number; code?: string; message?: string };

export function classifySmtpError(err: unknown): SendFailure {
  const e = (err ?? {}) as SmtpError;
  const message = e.message ?? String(err);
  if (typeof e.responseCode === "number")
    return new SendFailure(`smtp ${e.responseCode}: ${message}`, e.responseCode >= 500);
  return new SendFailure(`smtp ${e.code ?? "error"}: ${message}`, false);
}
