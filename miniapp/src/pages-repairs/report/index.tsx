import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { shareCards } from '../../navigation/share'
import { getRepairOptions } from '../../repairs/api'
import { useEmergencyPhone } from '../../repairs/emergency-phone'
import { isUrgentRepairKind, kindFromParam } from '../../repairs/kinds'
import { EmergencyCall } from '../../repairs/view/emergency-call'
import { ReportForm } from './parts/report-form'
import { reportSpeech, type ReportFacts } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

function ReportBody(props: {
  accountNo: string
  askedKind: ReturnType<typeof kindFromParam>
  onShown: (facts: ReportFacts) => void
}) {
  const { accountNo, askedKind, onShown } = props
  const { state, retry } = useQuery(['user', 'repairOptions', accountNo], () =>
    getRepairOptions(accountNo),
  )
  return (
    <PageShell state={state} onRetry={retry} what="报修信息">
      {(options) => (
        <ReportForm
          accountNo={accountNo}
          options={options}
          askedKind={askedKind}
          onShown={onShown}
        />
      )}
    </PageShell>
  )
}

/**
 * 填写报修 for the current account (`?accountNo=` from a link makes a bound one current),
 * opened for a kind (`?kind=`). A leak or an alarm keeps the call to the 24-hour line on top.
 */
export default function RepairReportPage() {
  const { params } = useRouter()
  useAccountFromLink()
  const askedKind = kindFromParam(params.kind)
  const accounts = useCurrentAccount()
  const { current } = accounts
  const line = useEmergencyPhone()
  const shown = useRef<{ accountNo: string; facts: ReportFacts }>()
  const urgentAsked = askedKind !== undefined && isUrgentRepairKind(askedKind)
  const speech = () =>
    reportSpeech(
      shown.current?.accountNo === current?.accountNo ? shown.current?.facts : undefined,
      line.phone,
    )
  return (
    <PageRoot share={() => shareCards.repairs(current?.accountNo)}>
      <PageHeading
        title={urgentAsked ? '紧急报修' : '填写报修'}
        subtitle={urgentAsked ? '提交后会尽快派人上门' : '写清楚哪里有问题，师傅好提前准备'}
      />
      <ReadAloudBar what="报修内容" text={speech} />
      {urgentAsked ? (
        <View className="card report-urgent">
          <Text className="report-urgent__text">
            请确认已关闭燃气阀门、打开门窗，人在室外安全的地方。
          </Text>
          <EmergencyCall line={line} />
        </View>
      ) : null}
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后可以报修"
        unboundHint="绑定户号后才能报修。"
        records={false}
        manage={false}
      >
        {(account) => (
          <ReportBody
            key={account.accountNo}
            accountNo={account.accountNo}
            askedKind={askedKind}
            onShown={(facts) => {
              shown.current = { accountNo: account.accountNo, facts }
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
