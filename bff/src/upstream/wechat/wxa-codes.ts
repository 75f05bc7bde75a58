import { z } from 'zod'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import type { WechatAccessTokens } from './access-token'
import type { UnlimitedQrCodeRequest, WxaCodePort } from './wechat-port'

/** WeChat answers a failure as JSON (HTTP 200) where the image would be. */
const ErrorAnswer = z.object({ errcode: z.number().int(), errmsg: z.string().optional() })

const TOKEN_INVALID = new Set([40001, 42001])
/** Printable ASCII WeChat allows in a scene (its documented character set). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const PAGE = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * wxacode.getUnlimited (POST /wxa/getwxacodeunlimit): a mini-program code for a scene. The
 * request is checked here first, so a scene WeChat would refuse never spends an API call.
 */
export class WechatWxaCodes implements WxaCodePort {
  constructor(
    private readonly client: UpstreamClient,
    private readonly tokens: WechatAccessTokens,
  ) {}

  async getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<Buffer> {
    if (!SCENE.test(request.scene) || !PAGE.test(request.page)) {
      throw new UpstreamError('wechat', 'rejected', 'wxacode: scene or page not allowed')
    }
    const body = JSON.stringify({
      scene: request.scene,
      page: request.page,
      // An unreleased page (trial, develop) would otherwise be refused with 41030.
      check_path: request.envVersion === 'release',
      env_version: request.envVersion,
      width: 430,
    })
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get()
      const answer = await this.client.callBytes({
        operation: 'getUnlimitedQrCode',
        method: 'POST',
        pathAndQuery: `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`,
        headers: { 'content-type': 'application/json' },
        body,
        // Making the same code twice is harmless.
        idempotent: true,
      })
      if (answer.status >= 400) {
        throw new UpstreamError(
          'wechat',
          'rejected',
          `wxacode HTTP ${answer.status}`,
          answer.status,
        )
      }
      if (answer.bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return answer.bytes
      const error = ErrorAnswer.safeParse(parseJson(answer.bytes))
      if (!error.success) throw new UpstreamError('wechat', 'bad_response', 'wxacode: not a PNG')
      // An invalid token was refused before anything was made, so one retry is enough.
      if (TOKEN_INVALID.has(error.data.errcode) && attempt === 0) {
        await this.tokens.forget(token)
        continue
      }
      const kind =
        error.data.errcode === -1 || error.data.errcode === 45009 ? 'unavailable' : 'rejected'
      throw new UpstreamError(
        'wechat',
        kind,
        `wxacode errcode ${error.data.errcode}`,
        undefined,
        String(error.data.errcode),
      )
    }
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch {
    return null
  }
}
