import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AgentLoginRequest } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { FormField } from '../../components/form-field'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { useAction } from '../../hooks/use-action'
import { logIn } from '../workbench/api'
import { agentPages, replaceWith } from '../workbench/pages'
import '../workbench/workbench.scss'

/**
 * 客服工作台 login: work number and password. Too many tries answer 429 with the time to come
 * back in Chinese, shown as it comes.
 */
export default function AgentLoginPage() {
  const [loginName, setLoginName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()

  const login = useAction(
    async () => {
      setError(undefined)
      const parsed = AgentLoginRequest.safeParse({ loginName, password })
      if (!parsed.success) {
        return setError(password === '' ? '请输入密码' : (parsed.error.issues[0]?.message ?? ''))
      }
      await logIn(parsed.data.loginName, parsed.data.password)
      replaceWith(agentPages.home)
    },
    { onError: (err) => setError(err.message) },
  )

  return (
    <PageRoot className="agent-page">
      <PageHeading title="客服工作台" subtitle="客服、片区专员和主管使用工号登录" />
      <View className="card">
        <FormField
          label="工号"
          value={loginName}
          onChange={setLoginName}
          maxLength={32}
          placeholder="例如 kf01"
        />
        <FormField
          label="密码"
          value={password}
          onChange={setPassword}
          password
          maxLength={128}
          placeholder="请输入密码"
        />
        {error ? (
          <Text className="agent-error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
        <View className="agent-actions">
          <ActionButton main onClick={() => void login.run()}>
            {login.busy ? '正在登录…' : '登录'}
          </ActionButton>
        </View>
        <Text className="agent-note">
          多次输错会暂停登录一段时间。工作台只给工作人员使用，居民请用“我的”里的登录。
        </Text>
      </View>
    </PageRoot>
  )
}
