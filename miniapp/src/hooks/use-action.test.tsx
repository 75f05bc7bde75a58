import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { ApiError } from '../api'
import { useAction } from './use-action'

/** A form with one button, as the pages use the hook: the button says when it is busy. */
function SaveButton({ save, inline = false }: { save: () => Promise<void>; inline?: boolean }) {
  const [error, setError] = useState<string | undefined>()
  const [saved, setSaved] = useState(0)
  const saving = useAction(
    async () => {
      await save()
      setSaved((n) => n + 1)
    },
    inline ? { onError: (err) => setError(err.message) } : {},
  )
  return (
    <div>
      <button type="button" onClick={() => void saving.run()}>
        {saving.busy ? '正在保存…' : '保存'}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {saved > 0 ? <p>已保存 {saved} 次</p> : null}
    </div>
  )
}

/** What the save answers, one call after another: each call waits until the test settles it. */
function pendingCalls() {
  const calls: { resolve: () => void; reject: (err: unknown) => void }[] = []
  const save = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject })
      }),
  )
  return { save, calls }
}

const dialog = () => document.querySelector('.taro-modal__content')

afterEach(() => document.querySelector('.taro__modal')?.remove())

test('when the button is tapped, then it says it is busy until the action ends, and a second tap does nothing', async () => {
  const { save, calls } = pendingCalls()
  render(<SaveButton save={save} />)

  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(await screen.findByRole('button', { name: '正在保存…' })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '正在保存…' }))
  expect(save).toHaveBeenCalledTimes(1)

  await act(async () => calls[0]?.resolve())
  expect(screen.getByRole('button', { name: '保存' })).toBeTruthy()
  expect(screen.getByText('已保存 1 次')).toBeTruthy()
})

test('when the action fails, then 没有成功 opens with the resident’s message, and tapping again retries', async () => {
  const { save, calls } = pendingCalls()
  render(<SaveButton save={save} />)

  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  await act(async () => calls[0]?.reject(new ApiError({ code: 'NETWORK_ERROR' })))

  await waitFor(() => expect(dialog()?.getAttribute('aria-label')).toBe('没有成功'))
  expect(dialog()?.textContent).toContain(new ApiError({ code: 'NETWORK_ERROR' }).message)
  expect(screen.getByRole('button', { name: '保存' })).toBeTruthy()
  expect(screen.queryByText(/已保存/)).toBeNull()

  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  expect(save).toHaveBeenCalledTimes(2)
  await act(async () => calls[1]?.resolve())
  expect(screen.getByText('已保存 1 次')).toBeTruthy()
})

test('when the form shows its own errors, then the failure is told there and no dialog opens', async () => {
  const { save, calls } = pendingCalls()
  render(<SaveButton save={save} inline />)

  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  await act(async () =>
    calls[0]?.reject(new ApiError({ code: 'RATE_LIMITED', message: '太频繁了' })),
  )

  expect(screen.getByRole('alert').textContent).toBe('太频繁了')
  expect(dialog()).toBeNull()
})

test('when something other than an API error is thrown, then the resident still reads a message, not a stack', async () => {
  const { save, calls } = pendingCalls()
  render(<SaveButton save={save} inline />)

  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  await act(async () => calls[0]?.reject(new TypeError('x is undefined')))

  const shown = screen.getByRole('alert').textContent ?? ''
  expect(shown).toBe(new ApiError({ code: 'INTERNAL' }).message)
  expect(shown).not.toContain('undefined')
})
