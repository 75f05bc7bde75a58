import { createHmac, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { loadOrCreate } from '../../keys'

/** Fixed so configs and docs can name it; the secrets below are generated per installation. */
export const MINI_PROGRAM_APPID = 'wx5a1c6e8b3d2f4097'

const MiniProgramSecrets = z.object({
  /** 32 hex characters, like the AppSecret the mini-program console shows. */
  appSecret: z.string().regex(/^[0-9a-f]{32}$/),
  /** Keys the name → openid mapping; never leaves the sandbox. */
  openidSecret: z.string().regex(/^[0-9a-f]{64}$/),
})

export interface MiniProgramIdentity extends z.infer<typeof MiniProgramSecrets> {
  readonly appid: string
}

export function loadMiniProgramIdentity(dataDir: string): MiniProgramIdentity {
  const secrets = loadOrCreate(dataDir, 'wechat-miniprogram', MiniProgramSecrets, () => ({
    appSecret: randomBytes(16).toString('hex'),
    openidSecret: randomBytes(32).toString('hex'),
  }))
  return { appid: MINI_PROGRAM_APPID, ...secrets }
}

/** 28 characters from the base64url alphabet, starting with `o`, as real openids look. */
function derivedId(identity: MiniProgramIdentity, purpose: string, name: string): string {
  const mac = createHmac('sha256', identity.openidSecret).update(`${purpose}\0${name}`).digest()
  return `o${mac.toString('base64url').slice(0, 27)}`
}

/** The same resident name always gives the same openid (and unionid) in one installation. */
export const openidOf = (identity: MiniProgramIdentity, name: string): string =>
  derivedId(identity, 'openid', name)

export const unionidOf = (identity: MiniProgramIdentity, name: string): string =>
  derivedId(identity, 'unionid', name)

export const OPENID_PATTERN = /^o[A-Za-z0-9_-]{27}$/
