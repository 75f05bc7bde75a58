import Taro from '@tarojs/taro'
import './modal.scss'

/*
 * The one way a page asks the resident to confirm something or tells them what went wrong.
 * WeChat and Alipay draw their own dialog, which follows the platform's font setting (关怀模式,
 * 大字体). Taro's H5 dialog is a fixed 15px: modal.scss enlarges it in elderly mode (≥ 18 pt
 * text, buttons ≥ 60 pt tall) and fixes its low-contrast grey; here it also gets the dialog and
 * button roles a screen reader and a keyboard need.
 */

export interface ModalOptions {
  title: string
  content: string
  /** At most four Chinese characters (Taro's limit on every platform). */
  confirmText?: string
  /** Shown only when given: a message has one button, a question two. */
  cancelText?: string
  /** The confirmation cannot be undone (解绑, 注销, 移除): its button is red. */
  danger?: boolean
}

const COLORS = { primary: '#0f5bc4', danger: '#b42318', text: '#1d2129' } as const

/** Resolves true when the resident tapped the confirm button. */
export async function showModal(options: ModalOptions): Promise<boolean> {
  const { title, content, confirmText = '知道了', cancelText, danger = false } = options
  const shown = Taro.showModal({
    title,
    content,
    confirmText,
    confirmColor: danger ? COLORS.danger : COLORS.primary,
    showCancel: cancelText !== undefined,
    cancelText: cancelText ?? '取消',
    cancelColor: COLORS.text,
  })
  const h5 = process.env.TARO_ENV === 'h5' && typeof document !== 'undefined'
  const before = h5 ? document.activeElement : null
  // Taro's H5 dialog is in the document as soon as showModal returns its promise.
  if (h5) labelH5Dialog(document)
  const result = await shown
  // Back to where the resident was, not to the top of the page.
  if (before instanceof HTMLElement) before.focus()
  return result.confirm
}

/** A message with one button: what happened and, in `content`, what to do now. */
export async function showMessage(title: string, content: string): Promise<void> {
  await showModal({ title, content })
}

/** Taro's H5 dialog is plain divs: name it a modal dialog and make its buttons reachable. */
export function labelH5Dialog(doc: Document): void {
  const dialog = doc.querySelector('.taro__modal .taro-modal__content')
  if (!dialog) return
  dialog.setAttribute('role', 'dialog')
  dialog.setAttribute('aria-modal', 'true')
  const title = dialog.querySelector('.taro-modal__title')?.textContent ?? ''
  if (title) dialog.setAttribute('aria-label', title)
  else dialog.removeAttribute('aria-label')
  const buttons = Array.from(dialog.querySelectorAll<HTMLElement>('.taro-model__btn'))
  for (const button of buttons) {
    button.setAttribute('role', 'button')
    button.tabIndex = 0
  }
  // The first shown button: 取消 when there is one, so Enter never confirms by accident.
  buttons.find((b) => b.style.display !== 'none')?.focus()
}
