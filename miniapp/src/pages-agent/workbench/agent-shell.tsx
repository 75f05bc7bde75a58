import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../a11y'
import { isLoginError } from '../../api'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell, type PageShellProps } from '../../components/page-shell'
import { useQuery } from '../../hooks/use-query'
import { getMe, logOut } from './api'
import { agentPages, goTo, replaceWith } from './pages'
import { useAgentLoggedIn } from './session'
import './workbench.scss'

export type AgentNav = 'home' | 'tasks' | 'audit'

function LoginNeeded() {
  return (
    <View className="card agent-login-needed">
      <Text className="card__title">请先登录工作台</Text>
      <Text className="card__text">用工号和密码登录后，可以查户号、给居民发送任务。</Text>
      <View className="agent-actions">
        <ActionButton main onClick={() => replaceWith(agentPages.login)}>
          登录工作台
        </ActionButton>
      </View>
    </View>
  )
}

/** Who is logged in, and the workbench's own navigation (主管 also see 审计记录). */
function AgentBar({ active }: { active: AgentNav }) {
  const { state } = useQuery(['agent', 'me'], getMe)
  const me = state.status === 'success' ? state.data : undefined
  const links: { nav: AgentNav; text: string; url: string }[] = [
    { nav: 'home', text: '查户号', url: agentPages.home },
    { nav: 'tasks', text: '我的任务', url: agentPages.tasks },
    ...(me?.role === 'supervisor'
      ? [{ nav: 'audit' as const, text: '审计记录', url: agentPages.audit }]
      : []),
  ]
  return (
    <View className="agent-bar card">
      <Text className="agent-bar__who">
        {me ? `${me.displayName}（${me.roleLabel} · ${me.team}）` : '客服工作台'}
      </Text>
      <View className="agent-bar__links" {...a11y('工作台导航', 'navigation')}>
        {links.map((link) => (
          <View
            key={link.nav}
            className={`agent-bar__link${link.nav === active ? ' agent-bar__link--on' : ''}`}
            onClick={() => (link.nav === active ? undefined : replaceWith(link.url))}
            {...a11y(link.text, 'link')}
            {...(link.nav === active ? { 'aria-current': 'page' } : {})}
          >
            <Text>{link.text}</Text>
          </View>
        ))}
        <View
          className="agent-bar__link"
          onClick={() => {
            void logOut().then(() => replaceWith(agentPages.login))
          }}
          {...a11y('退出登录', 'button')}
        >
          <Text>退出登录</Text>
        </View>
      </View>
    </View>
  )
}

/** A workbench page: the mode class and help bar (PageRoot), its title, who is logged in. */
export function AgentPage(props: {
  title: string
  subtitle?: string
  nav: AgentNav
  children: ReactNode
}) {
  const loggedIn = useAgentLoggedIn()
  return (
    <PageRoot className="agent-page">
      <PageHeading title={props.title} subtitle={props.subtitle} />
      {loggedIn ? (
        <>
          <AgentBar active={props.nav} />
          {props.children}
        </>
      ) : (
        <LoginNeeded />
      )}
    </PageRoot>
  )
}

/**
 * The page shell for workbench data: a lost agent session shows the workbench login, never the
 * resident's (which PageShell would offer for a login error).
 */
export function AgentQueryShell<T>(props: PageShellProps<T>) {
  const { state } = props
  if (state.status === 'error' && isLoginError(state.error)) return <LoginNeeded />
  return <PageShell {...props} />
}

export { goTo }
