/**
 * Screen-reader props for Taro components, spelled the way each platform reads them: WeChat
 * uses `aria-role`/`aria-label`, Alipay `role`/`aria-label`, and the H5 build's web components
 * need real `role`/`aria-label` attributes. TARO_ENV is a build-time constant, so each build
 * keeps one branch.
 */
export interface A11yProps {
  ariaLabel?: string
  ariaRole?: string
  role?: string
  'aria-label'?: string
  'aria-hidden'?: string
  tabIndex?: number
}

const INTERACTIVE_ROLES = new Set(['button', 'switch', 'link'])

export function a11y(label: string | undefined, role?: string): A11yProps {
  if (process.env.TARO_ENV === 'weapp') {
    return { ...(label ? { ariaLabel: label } : {}), ...(role ? { ariaRole: role } : {}) }
  }
  if (process.env.TARO_ENV === 'alipay') {
    return { ...(label ? { ariaLabel: label } : {}), ...(role ? { role } : {}) }
  }
  // H5's custom elements are not focusable by themselves; keyboard.ts makes Enter/Space click.
  const focusable = role !== undefined && INTERACTIVE_ROLES.has(role)
  return {
    ...(label ? { 'aria-label': label } : {}),
    ...(role ? { role } : {}),
    ...(focusable ? { tabIndex: 0 } : {}),
  }
}

/** Hides decoration (icons that repeat the text next to them) from screen readers. */
export function decorative(): A11yProps {
  return { 'aria-hidden': 'true' }
}
