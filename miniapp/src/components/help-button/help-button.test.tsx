import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { HelpAlert } from '@gh/shared'
import { tokenStore } from '../../auth/session'
import { HelpButton, HOLD_MS } from './index'

const alert: HelpAlert = {
  alertId: 'HAabc',
  kind: 'help',
  kindLabel: '需要帮助',
  createdAt: '2026-11-26T09:00:00+08:00',
  addressMasked: '河北省石家庄市新华区**',
  locationShared: false,
  reached: [{ kind: 'desk', label: '新华区燃气服务站', reachedAt: '2026-11-26T09:00:00+08:00' }],
  acknowledged: null,
  statusLabel: '已通知1方，等待确认',
  mine: true,
}

let posts: { url: string; key: string | undefined }[] = []

beforeEach(() => {
  jest.useFakeTimers()
  tokenStore.set('token-1')
  posts = []
  jest.restoreAllMocks()
  jest.spyOn(Taro, 'request').mockImplementation((options) => {
    const headers = (options.header ?? {}) as Record<string, string>
    posts.push({ url: options.url, key: headers['Idempotency-Key'] })
    return Object.assign(
      Promise.resolve({ statusCode: 201, data: alert, header: {}, errMsg: 'ok' }),
      { abort: () => undefined },
    ) as unknown as ReturnType<typeof Taro.request>
  })
})
afterEach(() => {
  tokenStore.clear()
  jest.useRealTimers()
})

function renderButton(onSent = jest.fn()) {
  render(<HelpButton accountNo="1000000007" kind="help" shareLocation={false} onSent={onSent} />)
  return { onSent, target: screen.getByRole('button', { name: /^一键求助，按住两秒发出/ }) }
}

test('when the button is let go before two seconds, then no alert is sent', async () => {
  const { target, onSent } = renderButton()
  fireEvent.touchStart(target)
  await act(async () => {
    jest.advanceTimersByTime(HOLD_MS - 300)
  })
  expect(screen.getByText(/^继续按住 \d+%$/)).toBeTruthy()
  fireEvent.touchEnd(target)
  await act(async () => {
    jest.advanceTimersByTime(HOLD_MS)
  })
  expect(posts).toEqual([])
  expect(onSent).not.toHaveBeenCalled()
  expect(screen.getByText('按住2秒发出')).toBeTruthy()
})

test('when the button is held for two seconds, then one alert is sent with an idempotency key', async () => {
  const { target, onSent } = renderButton()
  fireEvent.touchStart(target)
  await act(async () => {
    jest.advanceTimersByTime(HOLD_MS + 100)
  })
  await act(async () => {
    await Promise.resolve()
  })
  expect(posts).toHaveLength(1)
  expect(posts[0]?.url).toMatch(/\/accounts\/1000000007\/help-alerts$/)
  expect(posts[0]?.key).toBeTruthy()
  expect(onSent).toHaveBeenCalledWith(alert)
})
