import QRCode from "qrcode";

/** The otpauth URI as an SVG QR code in a data URL: drawn on the server, so no script is needed. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
