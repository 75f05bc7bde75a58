import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../api'
import { landingOfScene } from '../api'
import { SceneLanding } from './scene-landing'

jest.mock('../api', () => ({ landingOfScene: jest.fn() }))

const fakeLanding = landingOfScene as jest.Mock
const SCENE = 'AbCdEfGhIjKlMnOp.qRsTuVwXyZ_-'

beforeEach(() => {
  jest.restoreAllMocks()
  fakeLanding.mockReset()
})

test('when a scanned code’s scene is live, then the agent’s link opens in place of this page', async () => {
  const path = `/pages/bind/index?agentLink=${SCENE}`
  fakeLanding.mockResolvedValue({ path, expiresAt: '2026-11-27T10:00:00+08:00' })
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  render(<SceneLanding scene={SCENE} />)
  await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: path }))
  expect(fakeLanding).toHaveBeenCalledWith(SCENE)
})

test('when the scene has expired, then the resident reads why and nothing opens', async () => {
  fakeLanding.mockRejectedValue(
    new ApiError({ code: 'INVITE_INVALID', message: '链接已失效，请联系客服重新发送' }),
  )
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  render(<SceneLanding scene={SCENE} />)
  expect(await screen.findByText('链接已失效，请联系客服重新发送')).toBeTruthy()
  expect(redirect).not.toHaveBeenCalled()
})

test('when the answer leads outside the app’s pages, then it is not followed', async () => {
  fakeLanding.mockResolvedValue({
    path: 'https://example.com/phish',
    expiresAt: '2026-11-27T10:00:00+08:00',
  })
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  render(<SceneLanding scene={SCENE} />)
  expect(await screen.findByText('客服二维码暂时没能加载')).toBeTruthy()
  expect(redirect).not.toHaveBeenCalled()
})
