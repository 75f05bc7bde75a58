import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { elderSignal } from '../elder/elder-signal'
import { shownRoute } from '../navigation/pages'
import { TabBar } from './tab-bar'

beforeEach(() => {
  jest.restoreAllMocks()
  act(() => {
    elderSignal.set(false)
    shownRoute.set('/pages/index/index')
  })
})

test('when it renders, then four named tabs show and the current one says so', () => {
  render(<TabBar />)
  const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))
  expect(names).toEqual(['首页，当前页面', '账单', '报修', '我的'])
  expect(screen.getByRole('navigation', { name: '页面导航' })).toBeTruthy()
})

test('when 长辈模式 is switched on anywhere, then the tab bar turns large without a reload', () => {
  const { container } = render(<TabBar />)
  expect(container.querySelector('.tab-bar--elder')).toBeNull()
  act(() => elderSignal.set(true))
  expect(container.querySelector('.tab-bar--elder')).not.toBeNull()
})

test('when another tab is tapped, then it switches there and is marked current', async () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' })
  render(<TabBar />)
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '报修' }))
  })
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/repairs/index' })
  expect(screen.getByRole('button', { name: '报修，当前页面' })).toBeTruthy()
})

test('when the current tab is tapped, then nothing navigates', () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' })
  render(<TabBar />)
  fireEvent.click(screen.getByRole('button', { name: '首页，当前页面' }))
  expect(switchTab).not.toHaveBeenCalled()
})

test('when a non-tab page shows, then no tab claims to be current', () => {
  render(<TabBar />)
  act(() => shownRoute.set('/pages/orders/detail'))
  expect(screen.queryByRole('button', { name: /当前页面/ })).toBeNull()
})
