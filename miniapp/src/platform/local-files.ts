/*
 * H5: files the resident chose on this page, by the blob: URL the page shows them with. The H5
 * page's content security policy lets no request read a blob: URL (`connect-src 'self'`), so an
 * upload sends the file itself, found here by its URL.
 */
const files = new Map<string, Blob>()

/** A blob: URL for showing the file, remembered so the file can be uploaded. */
export function keepLocalFile(file: Blob): string {
  const url = URL.createObjectURL(file)
  files.set(url, file)
  return url
}

export function localFile(url: string): Blob | undefined {
  return files.get(url)
}
