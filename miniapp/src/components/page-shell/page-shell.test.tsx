import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../api/api-error'
import { tokenStore } from '../../auth/session'
import type { QueryState } from '../../hooks/use-query'
import { PageShell, RequireLogin } from './index'

function renderShell(state: QueryState<string[]>, extra: { requireLogin?: boolean } = {}) {
  const onRetry = jest.fn()
  render(
    <PageShell
      state={state}
      onRetry={onRetry}
      what="账单"
      isEmpty={(items) => items.length === 0}
      emptyTitle="暂无账单"
      emptyHint="绑定户号后，账单会显示在这里"
      loginHint="登录后查看账单"
      {...extra}
    >
      {(items) => <div>{items.join('、')}</div>}
    </PageShell>,
  )
  return { onRetry }
}

afterEach(() => tokenStore.clear())

test('when the data is loading, then 正在加载… is announced', () => {
  renderShell({ status: 'loading' })
  expect(screen.getByRole('status').textContent).toContain('正在加载…')
})

test('when loading failed, then the envelope message, request id and 重试 show, and 重试 retries', () => {
  const error = new ApiError({ code: 'UPSTREAM_TIMEOUT', message: '系统繁忙', requestId: 'req-7' })
  const { onRetry } = renderShell({ status: 'error', error })

  expect(screen.getByText('账单暂时没能加载')).toBeTruthy()
  expect(screen.getByText('系统繁忙')).toBeTruthy()
  expect(screen.getByText(/req-7/)).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(onRetry).toHaveBeenCalledTimes(1)
})

test('when the data is empty, then the empty title and hint show instead of the page', () => {
  renderShell({ status: 'success', data: [] })
  expect(screen.getByText('暂无账单')).toBeTruthy()
  expect(screen.getByText('绑定户号后，账单会显示在这里')).toBeTruthy()
})

test('when the page needs login and nobody is logged in, then 请先登录 shows, not the data', () => {
  renderShell({ status: 'success', data: ['一月账单'] }, { requireLogin: true })
  expect(screen.getByText('请先登录')).toBeTruthy()
  expect(screen.getByText('登录后查看账单')).toBeTruthy()
  expect(screen.getByText('去登录')).toBeTruthy()
  expect(screen.queryByText('一月账单')).toBeNull()
})

test('when the page needs login and a resident is logged in, then the data shows', () => {
  tokenStore.set('token-1')
  renderShell({ status: 'success', data: ['一月账单', '二月账单'] }, { requireLogin: true })
  expect(screen.getByText('一月账单、二月账单')).toBeTruthy()
  expect(screen.queryByText('请先登录')).toBeNull()
})

test('when the session expired, then the login state shows instead of an error', () => {
  renderShell({ status: 'error', error: new ApiError({ code: 'SESSION_EXPIRED' }) })
  expect(screen.getByText('请先登录')).toBeTruthy()
  expect(screen.queryByText('重试')).toBeNull()
})

test('when a form needs login and nobody is logged in, then the same 请先登录 card shows instead of it', () => {
  const { rerender } = render(
    <RequireLogin loginHint="登录后可以绑定户号">
      <div>户号表单</div>
    </RequireLogin>,
  )
  expect(screen.getByText('请先登录')).toBeTruthy()
  expect(screen.getByText('登录后可以绑定户号')).toBeTruthy()
  expect(screen.getByText('去登录')).toBeTruthy()
  expect(screen.queryByText('户号表单')).toBeNull()

  act(() => tokenStore.set('token-1'))
  rerender(
    <RequireLogin loginHint="登录后可以绑定户号">
      <div>户号表单</div>
    </RequireLogin>,
  )
  expect(screen.getByText('户号表单')).toBeTruthy()
  expect(screen.queryByText('请先登录')).toBeNull()
})
