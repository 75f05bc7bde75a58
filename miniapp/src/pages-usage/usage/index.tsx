import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { AccountUsage, GasUsage, HeatingUsage, MeteredHeatingUsage } from '@gh/shared'
import { dm2ToM2String, formatFen, isPrepaid } from '@gh/shared'
import { a11y } from '../../a11y'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useElderMode } from '../../elder'
import { useQuery } from '../../hooks/use-query'
import { openPage, pages } from '../../navigation/pages'
import { loadUsage } from './api'
import { ElderMonthList } from './parts/elder-list'
import { UsageChart } from './parts/usage-chart'
import { UsageTable } from './parts/usage-table'
import { usageSpeech } from './speech'
import { chartMonths, chartSeries, m3Text, usageRows } from './usage-view'
import './index.scss'

/** The figures up top, big: this month so far and what the coming days will likely take. */
function GasSummary({ usage }: { usage: GasUsage }) {
  const current = usage.months.at(-1)
  const { forecast } = usage
  return (
    <View className="card usage-summary">
      {current?.usageDm3 != null ? (
        <>
          <Text className="usage-summary__caption">
            {current.complete ? current.label : `本月至今（${current.days}天）`}用气
          </Text>
          <Text className="usage-summary__big">{m3Text(current.usageDm3)} m³</Text>
        </>
      ) : null}
      {forecast ? (
        <View className="usage-summary__forecast">
          <Text className="usage-summary__caption">预计今后每天约用</Text>
          <Text className="usage-summary__big">{m3Text(forecast.dailyDm3)} m³</Text>
          <Text className="card__text">{forecast.basis}</Text>
        </View>
      ) : (
        <Text className="card__text">用气记录还不够一个月，暂时估算不出今后的用量。</Text>
      )}
      {usage.yearToDateDm3 !== null ? (
        <Text className="card__text">
          今年累计用气 {m3Text(usage.yearToDateDm3, 0)} m³（阶梯气价按每年累计用量计算）
        </Text>
      ) : null}
    </View>
  )
}

function GasBody(props: { usage: GasUsage; elder: boolean; prepaid: boolean }) {
  const { usage, elder, prepaid } = props
  const series = useMemo(() => chartSeries(chartMonths(usage)), [usage])
  const rows = useMemo(() => usageRows(usage), [usage])
  return (
    <>
      <GasSummary usage={usage} />
      {elder ? (
        <ElderMonthList rows={rows} />
      ) : (
        <>
          <View className="card">
            <Text className="card__title" {...a11y(undefined, 'heading')} aria-level="2">
              近12个月与去年同期
            </Text>
            <UsageChart series={series} elder={elder} />
          </View>
          <UsageTable rows={rows} />
        </>
      )}
      <View className="usage-page__action">
        <ActionButton
          variant="secondary"
          onClick={() => openPage(prepaid ? pages.recharge : pages.bills)}
        >
          {prepaid ? '交燃气费' : '查看账单'}
        </ActionButton>
      </View>
    </>
  )
}

function HeatingBody({ usage }: { usage: HeatingUsage }) {
  return (
    <View className="card usage-summary">
      <Text className="usage-summary__caption">供暖费计算依据</Text>
      <Text className="usage-summary__big">建筑面积 {dm2ToM2String(usage.areaDm2)} m²</Text>
      <Text className="card__text">集中供热按面积收费，不按用热量计量，所以没有每月用量。</Text>
      <Text className="card__text">
        采暖期 {usage.season.startsOn} 至 {usage.season.endsOn}
        {usage.heatedThisSeason ? '' : '（本季已报停）'}
      </Text>
      <Text className="card__text">
        本季供暖费 {formatFen(usage.seasonFeeFen)}（{formatFen(usage.priceFenPerM2)}/m²）
      </Text>
    </View>
  )
}

/** 热计量: heat by month in GJ against last year, and the two-part fee so far. */
function MeteredHeatingBody({ usage, elder }: { usage: MeteredHeatingUsage; elder: boolean }) {
  const series = useMemo(() => chartSeries(chartMonths(usage)), [usage])
  const rows = useMemo(() => usageRows(usage, 'GJ'), [usage])
  const current = usage.months.at(-1)
  return (
    <>
      <View className="card usage-summary">
        <Text className="usage-summary__caption">
          本采暖季至今用热{usage.heatedThisSeason ? '' : '（已报停）'}
        </Text>
        <Text className="usage-summary__big">{m3Text(usage.seasonHeatMj)} GJ</Text>
        {current?.usageDm3 ? (
          <Text className="card__text">
            {current.complete ? current.label : `本月至今（${current.days}天）`}用热{' '}
            {m3Text(current.usageDm3)} GJ
          </Text>
        ) : null}
        <Text className="card__text">
          热计量收费：基本热价 {formatFen(usage.basicFeeFen)}（面积热费的{usage.basicPercent}%）＋
          计量热价 {formatFen(usage.priceFenPerGj)}/GJ（吉焦）× 用热量
        </Text>
        <Text className="card__text">本季计量热费至今约 {formatFen(usage.meteredFeeSoFarFen)}</Text>
      </View>
      {elder ? (
        <ElderMonthList rows={rows} verb="用热" />
      ) : (
        <>
          <View className="card">
            <Text className="card__title" {...a11y(undefined, 'heading')} aria-level="2">
              近12个月与去年同期（吉焦）
            </Text>
            <UsageChart series={series} elder={elder} unit="GJ" />
          </View>
          <UsageTable rows={rows} title="每月用热" verb="用热" />
        </>
      )}
    </>
  )
}

function UsageBody(props: {
  accountNo: string
  elder: boolean
  prepaid: boolean
  onLoaded: (usage: AccountUsage) => void
}) {
  const { accountNo, elder, prepaid, onLoaded } = props
  const { state, retry } = useQuery(['user', 'usage', accountNo], () => loadUsage(accountNo))
  const loaded = state.status === 'success' ? state.data : undefined
  useEffect(() => {
    if (loaded) onLoaded(loaded)
  }, [loaded, onLoaded])
  return (
    <PageShell
      state={state}
      onRetry={retry}
      what="用量"
      isEmpty={(u) => u.kind === 'gas' && u.months.every((m) => m.usageDm3 === null)}
      emptyTitle="暂无用气记录"
      emptyHint="气表抄表后，每月的用气量会显示在这里。"
    >
      {(usage) =>
        usage.kind === 'gas' ? (
          <GasBody usage={usage} elder={elder} prepaid={prepaid} />
        ) : usage.kind === 'heating_metered' ? (
          <MeteredHeatingBody usage={usage} elder={elder} />
        ) : (
          <HeatingBody usage={usage} />
        )
      }
    </PageShell>
  )
}

/**
 * 用量: the current account's use month by month beside the same months a year earlier, and
 * what the coming days will likely take, with what that estimate rests on. District heating
 * billed by area shows the area its fee is reckoned on. `?accountNo=` makes a bound account
 * current (home page tiles, agents' links).
 */
export default function UsagePage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const { current } = accounts
  const loaded = useRef<AccountUsage | undefined>(undefined)
  const remember = useCallback((usage: AccountUsage) => {
    loaded.current = usage
  }, [])
  const shown = () =>
    loaded.current?.accountNo === current?.accountNo ? loaded.current : undefined

  return (
    <PageRoot>
      <PageHeading title="用量" {...(elder ? {} : { subtitle: '每月用量，和去年同期比一比' })} />
      <ReadAloudBar
        what="用气量"
        text={() =>
          usageSpeech({
            loggedIn,
            ...(current ? { accountNo: current.accountNo } : {}),
            ...(shown() ? { usage: shown() } : {}),
          })
        }
      />
      <AccountPageShell
        accounts={accounts}
        loginHint="登录并绑定户号后，可以查看每月用气量"
        unboundHint="绑定户号后，每月用气量会显示在这里。"
        records={false}
      >
        {(account) => (
          <UsageBody
            key={account.accountNo}
            accountNo={account.accountNo}
            elder={elder}
            prepaid={isPrepaid(account.summary?.kind ?? 'postpaid_gas')}
            onLoaded={remember}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
