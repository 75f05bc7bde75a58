import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../a11y'
import './index.scss'

export interface ActionButtonProps {
  children: ReactNode
  onClick: () => void
  variant?: 'primary' | 'secondary'
  /** A page's main action: at least 60 px tall in elderly mode (DESIGN.md). */
  main?: boolean
  /**
   * Read instead of the visible text, when the text alone is not enough out of context. It
   * starts with the visible text (切换到此户号（我家）), so voice control finds the button by it.
   */
  label?: string
  className?: string
}

export function ActionButton(props: ActionButtonProps) {
  const { children, onClick, variant = 'primary', main = false, label, className } = props
  const classes = [
    'action-button',
    `action-button--${variant}`,
    main ? 'action-button--main main-control' : '',
    className ?? '',
  ]
  return (
    <Button
      className={classes.filter(Boolean).join(' ')}
      hoverClass="action-button--pressed"
      onClick={onClick}
      // Taro's H5 button is a custom element with no implicit role.
      {...a11y(label, process.env.TARO_ENV === 'h5' ? 'button' : undefined)}
    >
      {children}
    </Button>
  )
}
