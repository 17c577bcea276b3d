// xml-encryption 3.1.0 ships no types; only the call we make is declared.
declare module "xml-encryption" {
  type DecryptOptions = { key: string; disallowDecryptionWithInsecureAlgorithm?: boolean };
  const xmlenc: { decrypt(xml: string, options: DecryptOptions, callback: (error: Error | null, result?: string) => void): void };
  export default xmlenc;
}
