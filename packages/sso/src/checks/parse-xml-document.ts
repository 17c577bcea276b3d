import { DOMParser, MIME_TYPE, ParseError } from "@xmldom/xmldom";
import { fail, ok, type Result } from "./result";

export const DOCTYPE_REFUSED =
  "This XML contains a DOCTYPE declaration, which we refuse for security reasons (it enables XML entity attacks). Real IdP metadata does not need one; remove it or download the metadata again.";

/**
 * Parses an XML document with @xmldom/xmldom (the parser the SAML stack already uses), stopping
 * at the first error of any level, and refuses any DOCTYPE: entity declarations are how XXE and
 * entity-expansion ("billion laughs") attacks get in, and metadata never needs one.
 * The error says how and where (line) the document broke, never what it contains.
 */
export function parseXmlDocument(text: string): Result<Document> {
  if (/<!DOCTYPE/i.test(text)) return fail(DOCTYPE_REFUSED);
  let document: Document;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        throw new ParseError(`${level}: ${message}`);
      },
    });
    // xmldom implements the DOM interfaces read here; its own type declarations are a subset.
    document = parser.parseFromString(text, MIME_TYPE.XML_APPLICATION) as unknown as Document;
  } catch (error) {
    return fail(describeParseError(error));
  }
  if (document.doctype !== null) return fail(DOCTYPE_REFUSED);
  if (document.documentElement === null) return fail("there is no root element");
  return ok(document);
}

function describeParseError(error: unknown): string {
  // xmldom builds the tree recursively; a hostile document nested thousands deep overflows it.
  if (error instanceof RangeError || (error instanceof Error && error.cause instanceof RangeError)) return "its elements nest too deeply";
  const message = error instanceof Error ? error.message : String(error);
  // xmldom's column numbers are not reliable; the line is, and is what an admin needs.
  const line: unknown = error instanceof ParseError ? error.locator?.lineNumber : undefined;
  const at = typeof line === "number" ? ` (line ${line})` : "";
  if (/prefix is non-null and namespace is null/i.test(message)) {
    return `an element or attribute uses a namespace prefix (such as ds:) that the document never declares with xmlns${at}`;
  }
  if (/tag mismatch|unclosed|end tag/i.test(message)) return `an element is not closed where it should be${at}`;
  if (/entity/i.test(message)) return `it contains an unescaped & or an unknown &name; reference${at}`;
  if (/redefined/i.test(message)) return `an element repeats the same attribute${at}`;
  if (/root element/i.test(message)) return "there is no root element";
  if (/Only one element/i.test(message)) return "there is more than one root element";
  return `the document is not well-formed${at}`;
}
