import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y, decorative } from '../../a11y'
import { isLoginError } from '../../api'
import personIcon from '../../assets/tab/me-active.png'
import { useLoggedIn } from '../../auth/session'
import type { QueryState } from '../../hooks/use-query'
import { openPage, pages } from '../../navigation/pages'
import { ActionButton } from '../action-button'
import './index.scss'

export interface PageShellProps<T> {
  state: QueryState<T>
  onRetry: () => void
  /** Show the login state instead of loading when nobody is logged in. */
  requireLogin?: boolean
  /** What logging in gives, e.g. "登录后查看账单". */
  loginHint?: string
  /** Names the content in the error title, e.g. "客服电话" → "客服电话暂时没能加载". */
  what?: string
  isEmpty?: (data: T) => boolean
  emptyTitle?: string
  emptyHint?: string
  /** The page's own icon, shown with the empty state. */
  emptyIcon?: string
  children: (data: T) => ReactNode
}

/**
 * Owns the loading, error, empty and login-required states so a page renders only its data.
 * Each state says in words what happened (colour is never the only signal) and offers the one
 * next step.
 */
export function PageShell<T>(props: PageShellProps<T>) {
  const { state, onRetry, requireLogin = false, isEmpty, children } = props
  const loggedIn = useLoggedIn()

  const needsLogin =
    (requireLogin && !loggedIn) || (state.status === 'error' && isLoginError(state.error))
  if (needsLogin) return <LoginState hint={props.loginHint} />
  if (state.status === 'loading') {
    return (
      <View className="page-shell page-shell--loading card" {...a11y(undefined, 'status')}>
        <View className="page-shell__spinner" {...decorative()} />
        <Text className="page-shell__text">正在加载…</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    const { message, requestId, retryAfterSeconds } = state.error
    return (
      <StateCard
        mark="!"
        tone="danger"
        title={`${props.what ?? ''}暂时没能加载`}
        text={message}
        alert
      >
        {retryAfterSeconds ? (
          <Text className="page-shell__note">请在 {retryAfterSeconds} 秒后重试</Text>
        ) : null}
        <ActionButton main onClick={onRetry} label="重试，重新加载">
          重试
        </ActionButton>
        {requestId ? (
          <Text className="page-shell__note" selectable>
            问题编号：{requestId}（联系客服时可提供）
          </Text>
        ) : null}
      </StateCard>
    )
  }
  if (isEmpty?.(state.data)) {
    return (
      <StateCard
        icon={props.emptyIcon}
        title={props.emptyTitle ?? '暂无内容'}
        text={props.emptyHint}
      />
    )
  }
  return <>{children(state.data)}</>
}

export interface RequireLoginProps {
  /** What logging in gives, e.g. "登录后可以绑定户号". */
  loginHint?: string
  /** Shown once a resident is logged in; nothing when absent. */
  children?: ReactNode
}

/**
 * The shell's login state for content that loads nothing of its own (a form, a list of links):
 * the same 请先登录 card and 去登录 button as a PageShell with `requireLogin`.
 */
export function RequireLogin({ loginHint, children }: RequireLoginProps) {
  const loggedIn = useLoggedIn()
  return loggedIn ? <>{children}</> : <LoginState hint={loginHint} />
}

function LoginState({ hint }: { hint: string | undefined }) {
  return (
    <StateCard icon={personIcon} title="请先登录" text={hint ?? '登录后可以查看这里的内容'}>
      <ActionButton main onClick={() => openPage(pages.login)}>
        去登录
      </ActionButton>
    </StateCard>
  )
}

interface StateCardProps {
  mark?: string
  icon?: string
  title: string
  text?: string
  tone?: 'danger'
  alert?: boolean
  children?: ReactNode
}

function StateCard({ mark, icon, title, text, tone, alert, children }: StateCardProps) {
  return (
    <View
      className={`page-shell card${tone ? ` page-shell--${tone}` : ''}`}
      {...a11y(undefined, alert ? 'alert' : undefined)}
    >
      <View className="page-shell__mark" {...decorative()}>
        {icon ? <Image className="page-shell__icon" src={icon} /> : <Text>{mark ?? ''}</Text>}
      </View>
      <Text className="page-shell__title">{title}</Text>
      {text ? <Text className="page-shell__text">{text}</Text> : null}
      {children ? <View className="page-shell__actions">{children}</View> : null}
    </View>
  )
}
