import Taro from '@tarojs/taro'
import { tokenStore } from '../../auth/session'
import { findAccounts, logIn, logOut } from './api'
import { agentTokenStore } from './session'

interface Sent {
  url: string
  method: string | undefined
  data: unknown
  header: Record<string, string>
}

function answer(statusCode: number, data: unknown) {
  const sent: Sent[] = []
  jest.spyOn(Taro, 'request').mockImplementation((options) => {
    sent.push({
      url: options.url,
      method: options.method,
      data: options.data,
      header: options.header as Record<string, string>,
    })
    return Object.assign(Promise.resolve({ statusCode, data, header: {}, errMsg: 'ok' }), {
      abort: () => undefined,
    }) as unknown as ReturnType<typeof Taro.request>
  })
  return sent
}

const profile = {
  agentId: 'a1',
  loginName: 'kf01',
  displayName: '客服 0231',
  role: 'csr',
  roleLabel: '客服',
  team: '客服中心',
  areas: [],
}

beforeEach(() => {
  jest.restoreAllMocks()
  tokenStore.clear()
  agentTokenStore.clear()
})

test('when a resident is logged in on the same device, then a workbench request carries the agent token only', async () => {
  tokenStore.set('resident-token')
  agentTokenStore.set('agent-token')
  const sent = answer(200, { items: [] })
  await findAccounts('1000000001')
  expect(sent).toHaveLength(1)
  expect(sent[0]?.url).toBe('/api/v1/agent/account-searches')
  expect(sent[0]?.header.Authorization).toBe('Bearer agent-token')
})

test('when the agent searches by phone number, then the number goes in a POST body, never in the URL', async () => {
  agentTokenStore.set('agent-token')
  const sent = answer(200, { items: [] })
  await findAccounts('13900001111')
  expect(sent[0]?.method).toBe('POST')
  expect(sent[0]?.url).not.toContain('13900001111')
  expect(JSON.stringify(sent[0]?.data)).toContain('13900001111')
})

test('when the agent logs in, then the agent session is kept apart and the resident session stays', async () => {
  tokenStore.set('resident-token')
  answer(200, { token: 'agent-token', expiresAt: '2026-11-26T18:00:00+08:00', agent: profile })
  await logIn('kf01', 'kf01-dev-Passw0rd')
  expect(agentTokenStore.get()).toBe('agent-token')
  expect(tokenStore.get()).toBe('resident-token')
})

test('when the agent session has expired, then only the agent token is dropped', async () => {
  tokenStore.set('resident-token')
  agentTokenStore.set('agent-token')
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  answer(401, {
    error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r1' },
  })
  await expect(findAccounts('1000000001')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
  expect(agentTokenStore.get()).toBeUndefined()
  expect(tokenStore.get()).toBe('resident-token')
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages-agent/login/index' })
})

test('when the login is refused for too many tries, then the BFF’s Chinese reason reaches the page', async () => {
  const reason = '登录尝试太多，请于 10:35 后再试（约15分钟）'
  answer(429, {
    error: { code: 'RATE_LIMITED', message: reason, requestId: 'r2', retryAfterSeconds: 900 },
  })
  await expect(logIn('kf01', 'wrong')).rejects.toMatchObject({ message: reason })
  expect(agentTokenStore.get()).toBeUndefined()
})

test('when the agent logs out, then the server ends the session first and the device forgets only the agent token', async () => {
  tokenStore.set('resident-token')
  agentTokenStore.set('agent-token')
  const sent = answer(200, { loggedOut: true })
  await logOut()
  expect(sent).toHaveLength(1)
  expect(sent[0]?.method).toBe('POST')
  expect(sent[0]?.url).toBe('/api/v1/agent/logout')
  expect(sent[0]?.header.Authorization).toBe('Bearer agent-token')
  expect(sent[0]?.header['Idempotency-Key']).toBeTruthy()
  expect(agentTokenStore.get()).toBeUndefined()
  expect(tokenStore.get()).toBe('resident-token')
})

test('when the server cannot be reached at logout, then the device forgets the agent token anyway', async () => {
  agentTokenStore.set('agent-token')
  jest.spyOn(Taro, 'request').mockImplementation(
    () =>
      Object.assign(Promise.reject(new Error('request:fail')), {
        abort: () => undefined,
      }) as unknown as ReturnType<typeof Taro.request>,
  )
  await logOut()
  expect(agentTokenStore.get()).toBeUndefined()
})
