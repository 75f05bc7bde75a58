import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { ConnectionApplication } from '@gh/shared'
import { a11y } from '../../a11y'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell, RequireLogin } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { connectionsKey, loadConnections } from './api'
import { ApplyForm } from './parts/apply-form'
import { IgnitionSection } from './parts/ignition-section'
import { connectionSpeech } from './speech'
import './index.scss'

const day = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

function ApplicationCard({ application }: { application: ConnectionApplication }) {
  const a = application
  return (
    <View className="card connection" {...a11y(undefined, 'listitem')}>
      <Text className="connection__heading">报装申请 {a.applicationId}</Text>
      <Text className="connection__status">{a.statusLabel}</Text>
      <Text className="connection__line">下一步：{a.next}</Text>
      <Text className="connection__line">
        {a.applicantMasked} · {a.addressMasked}
      </Text>
      <Text className="connection__line">
        已交材料：{a.documents.map((d) => d.label).join('、')}
      </Text>
      <View className="connection__steps" {...a11y('办理进度', 'list')}>
        {a.steps.map((s) => (
          <Text
            key={s.status}
            className={`connection__step${s.done ? ' connection__step--done' : ''}`}
            {...a11y(undefined, 'listitem')}
          >
            {s.done ? '●' : '○'} {s.label}
            {s.at ? ` ${day(s.at)}` : s.done ? '' : '（未到）'}
          </Text>
        ))}
      </View>
      {a.accountNo ? (
        <>
          <Text className="connection__line">户号 {a.accountNo} 已绑定到您的微信</Text>
          <IgnitionSection accountNo={a.accountNo} />
        </>
      ) : null}
    </View>
  )
}

/**
 * 报装: the resident's applications from 已受理 to 已通气 (with the ignition booking and the
 * first top-up once the meter is in), and the form for a new one.
 */
export default function ConnectionPage() {
  const [applying, setApplying] = useState(false)
  const shown = useRef<ConnectionApplication[] | undefined>(undefined)
  const { state, retry } = useQuery(connectionsKey, async () => {
    const items = await loadConnections()
    shown.current = items
    return items
  })
  return (
    <PageRoot>
      <PageHeading title="燃气报装" subtitle="新房开通燃气、预约通气点火" />
      <ReadAloudBar what="报装进度" text={() => connectionSpeech(shown.current)} />
      <RequireLogin loginHint="登录后可以申请燃气报装，查看办理进度">
        <PageShell state={state} onRetry={retry} what="报装申请">
          {(items) => (
            <>
              {items.length > 0 ? (
                <View {...a11y('报装申请', 'list')}>
                  {items.map((a) => (
                    <ApplicationCard key={a.applicationId} application={a} />
                  ))}
                </View>
              ) : null}
              {items.length === 0 || applying ? (
                <ApplyForm onApplied={() => setApplying(false)} />
              ) : (
                <View className="connection__more">
                  <ActionButton variant="secondary" onClick={() => setApplying(true)}>
                    再申请一处报装
                  </ActionButton>
                </View>
              )}
            </>
          )}
        </PageShell>
      </RequireLogin>
    </PageRoot>
  )
}
