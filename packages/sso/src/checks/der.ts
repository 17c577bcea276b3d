/**
 * Just enough DER reading to pull the few certificate fields node:crypto does not expose
 * (signature algorithm, keyUsage bits, exact validity dates) and to tell a CSR, a key or a
 * PKCS#12 file apart from a certificate, whatever the key type (node-forge reads RSA only).
 */

export interface DerNode {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number;
  constructed: boolean;
  tagNumber: number;
  content: Uint8Array;
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  OID: 6,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  SEQUENCE: 16,
  SET: 17,
} as const;

/** Reads one TLV at `offset`; null when the bytes are not well-formed DER. */
function readNode(bytes: Uint8Array, offset: number): { node: DerNode; next: number } | null {
  let i = offset;
  const first = bytes[i++];
  if (first === undefined) return null;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let guard = 0; ; guard++) {
      const b = bytes[i++];
      if (b === undefined || guard > 3) return null;
      tagNumber = (tagNumber << 7) | (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  const lengthByte = bytes[i++];
  if (lengthByte === undefined) return null;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    // count 0 is BER's indefinite length, which DER forbids.
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let k = 0; k < count; k++) {
      const b = bytes[i++];
      if (b === undefined) return null;
      length = length * 256 + b;
    }
  }
  if (i + length > bytes.length) return null;
  return {
    node: { tagClass: first >> 6, constructed: (first & 0x20) !== 0, tagNumber, content: bytes.subarray(i, i + length) },
    next: i + length,
  };
}

/** Parses a complete DER value; trailing bytes make it invalid. */
export function parseDer(bytes: Uint8Array): DerNode | null {
  const read = readNode(bytes, 0);
  return read !== null && read.next === bytes.length ? read.node : null;
}

/** The children of a constructed node, or null if its content is not a sequence of TLVs. */
export function derChildren(node: DerNode): DerNode[] | null {
  if (!node.constructed) return null;
  const children: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const read = readNode(node.content, offset);
    if (read === null) return null;
    children.push(read.node);
    offset = read.next;
  }
  return children;
}

export function isUniversal(node: DerNode | undefined, tagNumber: number): node is DerNode {
  return node !== undefined && node.tagClass === 0 && node.tagNumber === tagNumber;
}

export function decodeOid(node: DerNode): string | null {
  const bytes = node.content;
  const first = bytes[0];
  if (first === undefined) return null;
  const parts: number[] = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] as number;
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

export function decodeTime(node: DerNode): Date | null {
  const text = new TextDecoder("latin1").decode(node.content);
  let match: RegExpExecArray | null;
  let year: number;
  if (node.tagNumber === TAG.UTC_TIME) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
    if (match === null) return null;
    const yy = Number(match[1]);
    // RFC 5280: two-digit years 50–99 are 19xx, 00–49 are 20xx.
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (node.tagNumber === TAG.GENERALIZED_TIME) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
    if (match === null) return null;
    year = Number(match[1]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? "0")));
  return Number.isNaN(date.getTime()) ? null : date;
}
