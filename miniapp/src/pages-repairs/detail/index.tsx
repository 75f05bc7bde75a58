import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Repair } from '@gh/shared'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { getRepair, repairKeys } from '../../repairs/api'
import { repairShareCard } from '../../repairs/links'
import { useEmergencyPhone } from '../../repairs/emergency-phone'
import { isSettled, repairPollMs } from '../../repairs/live'
import { EmergencyCall } from '../../repairs/view/emergency-call'
import { RepairEvents } from '../../repairs/view/repair-events'
import { RepairProgress } from '../../repairs/view/repair-progress'
import { RatingForm, RatingShown } from './parts/rating-form'
import { ReopenForm } from './parts/reopen-form'
import { RepairFacts } from './parts/repair-facts'
import { EscalationCard, StatusCard } from './parts/status-card'
import { TechnicianCard } from './parts/technician-card'
import { UrgeButton } from './parts/urge-button'
import { detailSpeech } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

/** A leak or an alarm not yet handled keeps the 24-hour line one tap away. */
function UrgentCall() {
  const line = useEmergencyPhone()
  return (
    <View className="repair-page__actions">
      <EmergencyCall line={line} />
    </View>
  )
}

function RepairView({ repair }: { repair: Repair }) {
  const { actions } = repair
  return (
    <>
      <ReadAloudBar what="处理状态和下一步" text={() => detailSpeech(repair)} />
      <StatusCard repair={repair} />
      {repair.urgent && !isSettled(repair) ? <UrgentCall /> : null}
      <EscalationCard repair={repair} />
      <TechnicianCard repair={repair} />
      {actions.canUrge || actions.nextUrgeAt ? (
        <View className="repair-page__actions">
          <UrgeButton repair={repair} />
        </View>
      ) : null}
      {actions.canRate ? <RatingForm key={`rate-${repair.repairNo}`} repair={repair} /> : null}
      <RatingShown repair={repair} />
      {actions.canReopen ? <ReopenForm repair={repair} /> : null}
      <Text className="section-title">处理进度</Text>
      <View className="card">
        <RepairProgress steps={repair.progress} />
      </View>
      <Text className="section-title">处理记录</Text>
      <View className="card">
        <RepairEvents events={repair.timeline} />
      </View>
      <Text className="section-title">报修信息</Text>
      <RepairFacts repair={repair} />
    </>
  )
}

/**
 * One report: where it is now and what comes next, refreshed whenever the page shows and, while
 * it still moves, every few seconds; 催单, 评价 and 重新报修 when they apply.
 */
export default function RepairDetailPage() {
  const { params } = useRouter()
  const accountNo = params.accountNo ?? ''
  const repairNo = decodeURIComponent(params.repairNo ?? '')
  const { state, retry } = useQuery(
    repairKeys.one(accountNo, repairNo),
    () => getRepair(accountNo, repairNo),
    { pollMs: repairPollMs },
  )
  return (
    <PageRoot share={() => repairShareCard({ accountNo, repairNo })}>
      <PageHeading title="报修进度" />
      <PageShell
        state={state}
        onRetry={retry}
        requireLogin
        loginHint="登录后可以查看报修进度"
        what="报修单"
      >
        {(repair) => <RepairView repair={repair} />}
      </PageShell>
    </PageRoot>
  )
}
