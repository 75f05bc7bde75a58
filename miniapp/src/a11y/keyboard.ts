const ACTIVATE_KEYS = new Set(['Enter', ' '])
const SELECTOR = '[role="button"], [role="switch"], [role="link"]'

/**
 * H5 only: Taro renders taps as custom elements with `role="button"`, which a browser does not
 * activate from the keyboard. One listener makes Enter and Space click them, as a real button
 * would, for agents and residents using a keyboard or a switch device.
 */
export function installKeyboardActivation(doc: Document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!ACTIVATE_KEYS.has(event.key) || !(event.target instanceof HTMLElement)) return
    const target = event.target
    if (!target.matches(SELECTOR) || target instanceof HTMLButtonElement) return
    event.preventDefault()
    target.click()
  }
  doc.addEventListener('keydown', onKeyDown)
  return () => doc.removeEventListener('keydown', onKeyDown)
}
