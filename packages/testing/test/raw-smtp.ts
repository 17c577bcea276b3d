import { connect } from "node:net";

/**
 * Sends one message over a bare SMTP dialogue, so the capture is tested without an SMTP client
 * library. Resolves with the server's replies; rejects on an unexpected reply code.
 */
export async function sendRawSmtp(
  smtpUrl: string,
  message: { from: string; to: string[]; data: string; auth?: { user: string; pass: string } },
): Promise<string[]> {
  const { hostname, port } = new URL(smtpUrl);
  const socket = connect(Number(port), hostname);
  socket.setEncoding("utf8");
  const replies: string[] = [];
  let buffer = "";
  let pending: { resolve: (reply: string) => void; reject: (error: Error) => void } | undefined;
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line "NNN text"; "NNN-text" lines continue it.
    const match = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (!match || !pending) return;
    const reply = buffer;
    buffer = "";
    replies.push(reply.trim());
    pending.resolve(reply);
  });
  socket.on("error", (error) => pending?.reject(error));

  const expect = (code: string, command?: string) =>
    new Promise<string>((resolve, reject) => {
      pending = {
        resolve: (reply) => (reply.startsWith(code) ? resolve(reply) : reject(new Error(`${command ?? "greeting"}: expected ${code}, got ${reply.trim()}`))),
        reject,
      };
      if (command !== undefined) socket.write(`${command}\r\n`);
    });

  try {
    await expect("220");
    await expect("250", "EHLO test.local");
    if (message.auth) {
      const token = Buffer.from(`\0${message.auth.user}\0${message.auth.pass}`).toString("base64");
      await expect("235", `AUTH PLAIN ${token}`);
    }
    await expect("250", `MAIL FROM:<${message.from}>`);
    for (const to of message.to) await expect("250", `RCPT TO:<${to}>`);
    await expect("354", "DATA");
    const body = message.data.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");
    await expect("250", `${body}\r\n.`);
    await expect("221", "QUIT");
    return replies;
  } finally {
    socket.destroy();
  }
}

export function mimeMessage({ from, to, subject, text, html }: { from: string; to: string; subject: string; text: string; html: string }): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    "--b1",
    "Content-Type: text/html; charset=utf-8",
    "",
    html,
    "--b1--",
  ].join("\n");
}
