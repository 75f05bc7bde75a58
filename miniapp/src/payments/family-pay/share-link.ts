/** H5: the card as a link anyone can open in a browser (the BFF serves this build at `/`). */
export function shareLinkH5(path: string, origin: string): string {
  return `${origin}/#${path.startsWith('/') ? path : `/${path}`}`
}
