// Reading IdP files in the browser, so the form posts plain text (no file upload on the server).

export const MAX_METADATA_FILE_BYTES = 1_000_000;
export const MAX_CERTIFICATE_FILE_BYTES = 64_000;

function readAs<T extends string | ArrayBuffer>(file: File, as: "text" | "buffer"): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    if (as === "text") reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  });
}

export type FileRead = { ok: true; text: string } | { ok: false; error: string };

export async function readMetadataFile(file: File): Promise<FileRead> {
  if (file.size > MAX_METADATA_FILE_BYTES)
    return { ok: false, error: "This file is over 1 MB. IdP metadata is much smaller: check that you chose the metadata XML file." };
  try {
    return { ok: true, text: await readAs<string>(file, "text") };
  } catch {
    return { ok: false, error: "The file could not be read. Try again, or paste its contents." };
  }
}

/**
 * A .pem/.crt is text; a .cer is often binary DER. Text is kept as is; DER becomes PEM, so the
 * textarea always shows something the admin can recognise and the server reads one format.
 */
export async function readCertificateFile(file: File): Promise<FileRead> {
  if (file.size > MAX_CERTIFICATE_FILE_BYTES)
    return { ok: false, error: "This file is over 64 KB. A signing certificate is much smaller: check that you chose the certificate file." };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readAs<ArrayBuffer>(file, "buffer"));
  } catch {
    return { ok: false, error: "The file could not be read. Try again, or paste the certificate text." };
  }
  // DER starts with a SEQUENCE tag (0x30); PEM and bare base64 are printable text.
  if (bytes[0] !== 0x30) return { ok: true, text: new TextDecoder().decode(bytes) };
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const base64 = btoa(binary).replace(/.{1,64}/g, "$&\n");
  return { ok: true, text: `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n` };
}
