// QR codes for the door sheets, drawn by the maintained `qrcode` library as SVG markup (no script, no image
// request: the CSP allows it inline in the page).
import QRCode from "qrcode";

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
