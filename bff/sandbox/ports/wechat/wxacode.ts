import QRCode from 'qrcode'
import { z } from 'zod'
import { apiError, type WechatApiError } from './login'
import { gridPng } from './png'

const Body = z.object({
  scene: z.string(),
  page: z.string().optional(),
  check_path: z.boolean().optional(),
  env_version: z.enum(['release', 'trial', 'develop']).optional(),
  width: z.number().optional(),
  auto_color: z.boolean().optional(),
  line_color: z
    .object({ r: z.coerce.number(), g: z.coerce.number(), b: z.coerce.number() })
    .optional(),
  is_hyaline: z.boolean().optional(),
})

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

const channel = (n: number): number => Math.max(0, Math.min(255, Math.round(n)))

/**
 * wxacode.getUnlimited. A real mini-program code can only be read by WeChat, so the sandbox draws
 * a standard QR code of a sandbox URL carrying the same scene and page; scanning it (or an e2e
 * test decoding it) lands where the agent's link points.
 */
export function unlimitedCode(origin: string, body: unknown): Buffer | WechatApiError {
  const parsed = Body.safeParse(body)
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '')
    if (field === 'env_version') return apiError(40097, 'invalid args')
    return apiError(47001, 'data format error')
  }
  const req = parsed.data
  if (!SCENE.test(req.scene)) {
    return apiError(40169, 'invalid length for scene, or the data is not json string')
  }
  if (req.page !== undefined && (req.page.startsWith('/') || req.page.includes('?'))) {
    return apiError(41030, 'invalid page hint')
  }
  const target = new URL('/sandbox/wxacode', origin)
  target.searchParams.set('scene', req.scene)
  if (req.page) target.searchParams.set('page', req.page)
  target.searchParams.set('env_version', req.env_version ?? 'release')
  const width = Math.max(280, Math.min(1280, Math.round(req.width ?? 430)))
  const line = req.line_color && !req.auto_color ? req.line_color : { r: 0, g: 0, b: 0 }
  const qr = QRCode.create(target.toString(), { errorCorrectionLevel: 'M' })
  const { size, data } = qr.modules
  return gridPng(
    (x, y) => data[y * size + x] === 1,
    size,
    width,
    2,
    { r: channel(line.r), g: channel(line.g), b: channel(line.b), a: 255 },
    req.is_hyaline ? { r: 255, g: 255, b: 255, a: 0 } : { r: 255, g: 255, b: 255, a: 255 },
  )
}
