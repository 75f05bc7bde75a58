import { useRef, useState } from 'react'
import { toApiError } from '../api'
import type { ApiError } from '../api'
import { showMessage } from '../elder/modal'

export interface ActionOptions {
  /**
   * Told each failure instead of the 没有成功 dialog, by a form that shows (and 朗读 reads) what
   * went wrong on its own line beside the button.
   */
  onError?: (error: ApiError) => void
}

export interface Action<A extends unknown[]> {
  /** Runs the action; a tap while it still runs is ignored, so a double tap acts once. */
  run: (...args: A) => Promise<void>
  /** True while it runs, for the button to say so (正在打开支付…). */
  busy: boolean
}

/**
 * What a tap does: busy while it runs, one run at a time, and a failure told in the resident's
 * words, by default in the elder-aware 没有成功 dialog. It never throws: after a failure the same
 * tap tries again (an action that creates something keeps its Idempotency-Key for that retry;
 * see attemptFor).
 */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
  options: ActionOptions = {},
): Action<A> {
  const [busy, setBusy] = useState(false)
  // A ref, not the state: two taps in one frame both see busy === false.
  const running = useRef(false)
  const run = async (...args: A) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    try {
      await action(...args)
    } catch (err) {
      const error = toApiError(err)
      if (options.onError) options.onError(error)
      else void showMessage('没有成功', error.message)
    } finally {
      running.current = false
      setBusy(false)
    }
  }
  return { run, busy }
}
