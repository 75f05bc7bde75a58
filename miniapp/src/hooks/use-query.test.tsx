import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { testPage } from '../../test/taro'
import { ApiError } from '../api/api-error'
import { tokenStore } from '../auth/session'
import { boundAccountsChanged } from './query-cache'
import type { QueryKey } from './query-cache'
import { useQuery } from './use-query'
import type { QueryOptions } from './use-query'

/** What a page shows of one query: its answer, 正在加载…, or the error, and a 重试 button. */
function Shows<T>(props: {
  queryKey: QueryKey
  load: () => Promise<T>
  options?: QueryOptions<T>
}) {
  const { state, retry } = useQuery(props.queryKey, props.load, props.options)
  return (
    <div>
      <p>
        {state.status === 'success'
          ? String(state.data)
          : state.status === 'error'
            ? `出错：${state.error.code}`
            : '正在加载…'}
      </p>
      <button onClick={retry}>重试</button>
    </div>
  )
}

/** A loader that answers what `answers` says next, as the API client does without a session. */
function loader(answers: (string | Error)[]) {
  return jest.fn(async () => {
    if (!tokenStore.get()) throw new ApiError({ code: 'UNAUTHENTICATED' })
    const next = answers.length > 1 ? answers.shift() : answers[0]
    if (next instanceof Error) throw next
    return next ?? ''
  })
}

afterEach(() => tokenStore.clear())

test('when the page is shown again, then it asks again and shows the new answer', async () => {
  tokenStore.set('token-1')
  const load = loader(['还没有绑定户号', '我家'])
  render(<Shows queryKey={['user', 'accounts']} load={load} />)
  await screen.findByText('还没有绑定户号')

  act(() => testPage.show())

  expect(await screen.findByText('我家')).toBeTruthy()
  expect(load).toHaveBeenCalledTimes(2)
})

test('when two parts of a page ask the same thing, then one request answers both', async () => {
  tokenStore.set('token-1')
  const load = loader(['我家'])
  render(
    <>
      <Shows queryKey={['user', 'accounts']} load={load} />
      <Shows queryKey={['user', 'accounts']} load={load} />
    </>,
  )
  expect(await screen.findAllByText('我家')).toHaveLength(2)
  expect(load).toHaveBeenCalledTimes(1)
})

test('when a resident logs in on another page, then a page that needed login asks again by itself', async () => {
  const load = loader(['我家'])
  render(<Shows queryKey={['user', 'accounts']} load={load} />)
  await screen.findByText('出错：UNAUTHENTICATED')

  act(() => tokenStore.set('token-1'))

  expect(await screen.findByText('我家')).toBeTruthy()
})

test('when the resident logs out, then their data is gone from the page and the cache', async () => {
  tokenStore.set('token-1')
  render(<Shows queryKey={['user', 'accounts']} load={loader(['我家'])} />)
  await screen.findByText('我家')

  act(() => tokenStore.clear())

  expect(await screen.findByText('出错：UNAUTHENTICATED')).toBeTruthy()
  expect(screen.queryByText('我家')).toBeNull()
})

test('when the bound accounts change, then the user’s data is asked again and public content is not', async () => {
  tokenStore.set('token-1')
  const accounts = loader(['还没有绑定户号', '我家'])
  const phone = jest.fn(async () => '96777')
  render(
    <>
      <Shows queryKey={['user', 'accounts']} load={accounts} />
      <Shows queryKey={['public', 'appInfo']} load={phone} />
    </>,
  )
  await screen.findByText('还没有绑定户号')
  await screen.findByText('96777')

  act(() => boundAccountsChanged())

  expect(await screen.findByText('我家')).toBeTruthy()
  expect(phone).toHaveBeenCalledTimes(1)
})

test('when a refresh fails, then the last answer stays on the page', async () => {
  tokenStore.set('token-1')
  const load = loader(['我家', new ApiError({ code: 'UPSTREAM_TIMEOUT' })])
  render(<Shows queryKey={['user', 'accounts']} load={load} />)
  await screen.findByText('我家')

  act(() => testPage.show())

  await waitFor(() => expect(load).toHaveBeenCalledTimes(2))
  expect(screen.getByText('我家')).toBeTruthy()
})

test('when the first load fails, then the error shows and 重试 loads again', async () => {
  tokenStore.set('token-1')
  const load = loader([new ApiError({ code: 'UPSTREAM_TIMEOUT' }), '我家'])
  render(<Shows queryKey={['user', 'accounts']} load={load} />)
  await screen.findByText('出错：UPSTREAM_TIMEOUT')

  fireEvent.click(screen.getByText('重试'))

  expect(await screen.findByText('我家')).toBeTruthy()
})

describe('an order that still moves', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  const pollEverySecondUntilDone = { pollMs: (state: string) => (state === '已到账' ? null : 1000) }

  test('when the page is shown, then it is asked again until it stops moving', async () => {
    tokenStore.set('token-1')
    const load = loader(['已支付', '已发往气表', '已到账'])
    render(
      <Shows queryKey={['user', 'order', 'R1']} load={load} options={pollEverySecondUntilDone} />,
    )
    await screen.findByText('已支付')

    await act(() => jest.advanceTimersByTimeAsync(1000))
    expect(screen.getByText('已发往气表')).toBeTruthy()
    await act(() => jest.advanceTimersByTimeAsync(1000))
    expect(screen.getByText('已到账')).toBeTruthy()
    await act(() => jest.advanceTimersByTimeAsync(5000))
    expect(load).toHaveBeenCalledTimes(3)
  })

  test('when the page is hidden, then it is not asked for until the page shows again', async () => {
    tokenStore.set('token-1')
    const load = loader(['已支付', '已到账'])
    render(
      <Shows queryKey={['user', 'order', 'R2']} load={load} options={pollEverySecondUntilDone} />,
    )
    await screen.findByText('已支付')

    act(() => testPage.hide())
    await act(() => jest.advanceTimersByTimeAsync(5000))
    expect(load).toHaveBeenCalledTimes(1)

    act(() => testPage.show())
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(screen.getByText('已到账')).toBeTruthy()
  })
})
