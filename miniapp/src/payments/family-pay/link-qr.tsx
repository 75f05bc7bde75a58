/*
 * The mini-programs share a card instead (the platform's share button), so no QR code here;
 * link-qr.h5.tsx draws one for the browser build. Same interface in both files.
 */
export function LinkQr(_props: { link: string }) {
  return null
}
