// A real SMTP server for the e2e suite: the app (SMTP_URL=smtp://127.0.0.1:2525) sends mail
// to it, and tests read what arrived. Parses the MIME nodemailer produces (multipart,
// quoted-printable, base64, RFC 2047 headers), which is all the app sends.
import { SMTPServer } from "smtp-server";

export type Mail = {
  /** Envelope recipients (RCPT TO), lower-cased; includes Bcc. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Top-level headers, lower-cased names, decoded values. */
  headers: Record<string, string>;
  raw: string;
  receivedAt: Date;
};

export type Mailbox = {
  readonly port: number;
  readonly messages: readonly Mail[];
  /** The first message (already received or arriving) to `to` that matches `predicate`. */
  waitForMail(to: string, predicate?: (m: Mail) => boolean, timeoutMs?: number): Promise<Mail>;
  clear(): void;
  close(): Promise<void>;
};

type Part = { headers: Record<string, string>; body: string };

function splitHeaders(raw: string): Part {
  const sep = raw.search(/\r?\n\r?\n/);
  const head = sep < 0 ? raw : raw.slice(0, sep);
  const body = sep < 0 ? "" : raw.slice(sep).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

const param = (value: string, name: string) => new RegExp(`;\\s*${name}="?([^";]+)"?`, "i").exec(value ?? "")?.[1];

function decodeBytes(bytes: Buffer, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

function qpBytes(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(soft.charCodeAt(i) & 0xff); // the raw message is held as latin1 (one char per byte)
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words, e.g. =?UTF-8?Q?Caf=C3=A9?= */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BQbq])\?([^?]*)\?=/g, (_, charset: string, enc: string, text: string) =>
      decodeBytes(enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " ")), charset),
    );
}

function decodeBody(part: Part): string {
  const cte = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const charset = param(part.headers["content-type"], "charset") ?? "utf-8";
  if (cte === "base64") return decodeBytes(Buffer.from(part.body.replace(/\s+/g, ""), "base64"), charset);
  if (cte === "quoted-printable") return decodeBytes(qpBytes(part.body), charset);
  return decodeBytes(Buffer.from(part.body, "latin1"), charset);
}

function collect(part: Part, into: { text: string; html: string }) {
  const type = (part.headers["content-type"] ?? "text/plain").toLowerCase();
  const disposition = (part.headers["content-disposition"] ?? "").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(part.headers["content-type"], "boundary");
    if (!boundary) return;
    const chunks = part.body.split(
      new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?[ \\t]*\\r?\\n?`),
    );
    for (const chunk of chunks.slice(1, -1)) collect(splitHeaders(chunk), into);
  } else if (!disposition.startsWith("attachment")) {
    if (type.startsWith("text/html") && !into.html) into.html = decodeBody(part);
    else if (type.startsWith("text/plain") && !into.text) into.text = decodeBody(part);
  }
}

export function parseMail(raw: string, envelope: { to: string[]; from: string }): Mail {
  const top = splitHeaders(raw);
  const headers = Object.fromEntries(
    Object.entries(top.headers).map(([k, v]) => [k, decodeWords(decodeBytes(Buffer.from(v, "latin1")))]),
  );
  const content = { text: "", html: "" };
  collect(top, content);
  return { ...envelope, subject: headers.subject ?? "", ...content, headers, raw, receivedAt: new Date() };
}

export async function startMailServer(opts: { port?: number; host?: string } = {}): Promise<Mailbox> {
  const messages: Mail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    // nodemailer would upgrade to STARTTLS and then reject the self-signed certificate.
    disabledCommands: ["STARTTLS"],
    // The app keeps a pooled SMTP connection open: on close, drop it after a second rather
    // than the default 30 s (which outlasts Playwright's fixture teardown timeout).
    closeTimeout: 1_000,
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? "any" }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push(parseMail(Buffer.concat(chunks).toString("latin1"), { to, from }));
        for (const wake of waiters) wake();
        cb();
      });
    },
  });

  const port = opts.port ?? 2525;
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`SMTP port ${host}:${port} is already in use; stop whatever listens there`)
          : err,
      ),
    );
    server.listen(port, host, () => resolve());
  });

  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    get messages() {
      return messages;
    },
    waitForMail(to, predicate = () => true, timeoutMs = 15_000) {
      const want = to.toLowerCase();
      const find = () => messages.find((m) => m.to.includes(want) && predicate(m));
      return new Promise<Mail>((resolve, reject) => {
        const check = () => {
          const m = find();
          if (!m) return;
          cleanup();
          resolve(m);
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "none";
          reject(new Error(`No mail to ${to} matched within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
