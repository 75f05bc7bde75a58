import { useEffect, useState } from 'react'

/**
 * Seconds left before something may be tried again, counted down once a second. Setting it
 * starts a new count (a code was sent, or a rate limit said how long to wait).
 */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, setLeft]
}
