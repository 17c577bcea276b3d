import DNS from "dns2";
import { TxtZone } from "./txt-zone";

const { Packet } = DNS;

export interface DnsServerOptions {
  /** UDP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  zone?: TxtZone;
}

export interface SandboxDnsServer {
  /** "127.0.0.1:<port>", the form DNS_SERVERS takes. */
  address: string;
  port: number;
  zone: TxtZone;
  stop(): Promise<void>;
}

// TXT strings are at most 255 bytes each (RFC 1035 §3.3.14); longer values are split.
const chunks = (value: string) => value.match(/[\s\S]{1,255}/g) ?? [""];

/** A DNS server on loopback that answers TXT questions from the sandbox's zone (UDP, like stub resolvers ask). */
export async function startDnsServer(options: DnsServerOptions): Promise<SandboxDnsServer> {
  const zone = options.zone ?? new TxtZone();
  const server = DNS.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      response.header.aa = 1;
      const [question] = request.questions;
      if (!question) {
        response.header.rcode = Packet.RCODE.FORMERR;
        void send(response);
        return;
      }
      const answer = zone.answer(question.name);
      if (answer.rcode === "REFUSED") response.header.rcode = Packet.RCODE.REFUSED;
      else if (answer.rcode === "NXDOMAIN") response.header.rcode = Packet.RCODE.NXDOMAIN;
      else if (question.type === Packet.TYPE.TXT) {
        for (const value of answer.values) {
          response.answers.push(Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 5, data: chunks(value) }));
        }
      }
      void send(response);
    },
  });
  // The sandbox is for this machine only.
  const addresses = await server.listen({ udp: { port: options.port, address: "127.0.0.1" } });
  const port = addresses.udp!.port;
  return { address: `127.0.0.1:${port}`, port, zone, stop: () => server.close() };
}
