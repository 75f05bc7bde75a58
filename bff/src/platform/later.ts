/**
 * Takes a call that has already started and answers it when asked, so other work can run in
 * between; until then its failure is held, not reported as unhandled, and is thrown to
 * whoever asks.
 */
export function later<T>(started: Promise<T>): () => Promise<T> {
  const outcome = started.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  return async () => {
    const result = await outcome
    if (result.ok) return result.value
    throw result.error
  }
}
