import type { PortDeps } from '../port'
import { loadMiniProgramIdentity } from './identity'
import { WechatLogin } from './login'
import { SubscribeMessages } from './messages'
import { wechatRouter, type WechatState } from './routes'

export type { WechatState }
export { openidOf, type MiniProgramIdentity } from './identity'

/** The mini-program's identity is also what WeChat Pay binds orders to (appid, openids). */
export function createState(deps: PortDeps): WechatState {
  const identity = loadMiniProgramIdentity(deps.config.dataDir)
  return {
    login: new WechatLogin(identity, deps.clock),
    messages: new SubscribeMessages(deps.clock),
    production: deps.config.nodeEnv === 'production',
  }
}

export const router = wechatRouter
