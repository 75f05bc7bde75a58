import { AgentLinkToken } from '@gh/shared'

/**
 * A mini-program code (wxacode.getUnlimited) opens the page it names with its `scene` in the
 * page's options, URL-encoded by WeChat; the H5 QR code passes the same scene in the URL. The
 * scene is an agent link's token. Anything else (none, garbled, the wrong shape) is no scene,
 * and the page starts as usual.
 */
export function sceneOf(query: Record<string, unknown> | undefined): string | undefined {
  const raw = query?.scene
  if (typeof raw !== 'string' || raw === '') return undefined
  let scene: string
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  return AgentLinkToken.safeParse(scene).success ? scene : undefined
}

/**
 * Where the BFF says a scene leads, kept only when it is a page of this app: the answer is
 * followed with redirectTo and must never become a way out of the app's own pages.
 */
export function sceneLanding(path: string): string | undefined {
  return /^\/pages(-[a-z]+)?\/[a-z-]+\/[a-z-]+(\?[A-Za-z0-9_.~%=&-]*)?$/.test(path)
    ? path
    : undefined
}
