// A local SMTP sink for bench:reminders, in its own process (the bench's SMTP server should
// not share the dispatcher's CPU). Accepts everything, counts messages per recipient, and
// answers "count" on stdin with `{"messages":N,"recipients":N,"duplicates":N}`.
import { SMTPServer } from "smtp-server";

const perRecipient = new Map<string, number>();
let messages = 0;
let connections = 0;
let cpuAtReset = process.cpuUsage();

const server = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  maxClients: 1000,
  onConnect(_session, cb) {
    connections += 1;
    cb();
  },
  onData(stream, session, cb) {
    stream.on("data", () => {});
    stream.on("end", () => {
      messages += 1;
      for (const r of session.envelope.rcptTo) perRecipient.set(r.address, (perRecipient.get(r.address) ?? 0) + 1);
      cb();
    });
  },
});

// Replies go out at once (no Nagle delay on the sink's side of each SMTP round trip).
server.server.on("connection", (socket) => socket.setNoDelay(true));

server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});

process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  if (chunk.includes("count")) {
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    // The sink's own CPU time since the last reset (user + system, ms): its share of the run.
    const cpu = process.cpuUsage(cpuAtReset);
    process.stdout.write(
      `${JSON.stringify({
        messages,
        recipients: perRecipient.size,
        duplicates,
        connections,
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      })}\n`,
    );
  }
  if (chunk.includes("reset")) {
    perRecipient.clear();
    messages = 0;
    connections = 0;
    cpuAtReset = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ reset: true })}\n`);
  }
});
process.stdin.on("end", () => server.close(() => process.exit(0)));
