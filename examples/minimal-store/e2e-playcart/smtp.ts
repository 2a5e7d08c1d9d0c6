// A real SMTP server for the reminder journey, in a few lines of node:net: the store sends
// through SMTP_URL=smtp://127.0.0.1:2560 and the test reads what arrived.
import net from "node:net";

export type Message = { to: string[]; body: string };

/** Undoes quoted-printable soft breaks and escapes, and appends base64 parts decoded, so links read as sent. */
const decode = (raw: string) => {
  const base64Parts = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi),
  ];
  const qp = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  return [qp, ...base64Parts.map((m) => Buffer.from(m[1].replace(/\s+/g, ""), "base64").toString("utf8"))].join("\n");
};

export async function startMailbox(port: number) {
  const messages: Message[] = [];
  const server = net.createServer((socket) => {
    let to: string[] = [];
    let data: string | null = null;
    let buffer = "";
    socket.write("220 minimal-store test mailbox\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          messages.push({ to, body: decode(data) });
          data = null;
          to = [];
          socket.write("250 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 minimal-store\r\n");
        else if (verb === "RCPT") {
          to.push(line.replace(/^.*<(.*)>.*$/, "$1").toLowerCase());
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          data = "";
          socket.write("354 end with .\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    messages,
    to: (email: string) => messages.filter((m) => m.to.includes(email.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
