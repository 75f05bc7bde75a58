import { Text, View } from '@tarojs/components'
import { formatFen, type AgentAccountView, type HomeSections } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { kindNames } from '../../../account/labels'
import { shortTime } from '../../workbench/labels'

function Fact({ name, value, danger }: { name: string; value: string; danger?: boolean }) {
  return (
    <View className="agent-fact">
      <Text className="agent-fact__name">{name}</Text>
      <Text className={`agent-fact__value${danger ? ' agent-fact__value--danger' : ''}`}>
        {value}
      </Text>
    </View>
  )
}

const statusNames: Record<string, string> = { active: '正常', arrears: '欠费', suspended: '已停用' }

type Section = HomeSections[keyof HomeSections]

/** A section the BFF could not fetch says so in words instead of hiding. */
function Unavailable({ section }: { section: Section }) {
  return section.status === 'unavailable' ? (
    <Text className="card__text">{section.message}</Text>
  ) : null
}

function Money({ sections }: { sections: HomeSections }) {
  const { balance, due } = sections
  const facts: { name: string; value: string; danger?: boolean }[] = []
  if (balance.status === 'ok' && balance.balance) {
    const b = balance.balance
    facts.push({ name: '表内余额', value: formatFen(b.balanceFen), danger: b.balanceFen < 0 })
    if (b.daysOfGas !== null) facts.push({ name: '约可用', value: `${b.daysOfGas} 天` })
    if (b.online !== null) facts.push({ name: '气表通信', value: b.online ? '在线' : '离线' })
  }
  if (due.status === 'ok') {
    const d = due.due
    facts.push({ name: '应缴', value: d ? formatFen(d.amountDueFen) : '¥0.00' })
    if (d && d.arrearsFen > 0) {
      facts.push({ name: '欠费（已逾期）', value: formatFen(d.arrearsFen), danger: true })
    }
    if (d && d.lateFeeFen > 0) facts.push({ name: '其中滞纳金', value: formatFen(d.lateFeeFen) })
    if (d && d.unpaidBillCount > 0)
      facts.push({ name: '未缴账单', value: `${d.unpaidBillCount} 张` })
  }
  return (
    <View className="card">
      <Text className="card__title">余额与欠费</Text>
      <View className="agent-facts">
        {facts.map((f) => (
          <Fact key={f.name} {...f} />
        ))}
      </View>
      {facts.length === 0 ? <Text className="card__text">暂无余额和欠费信息</Text> : null}
      <Unavailable section={balance} />
      <Unavailable section={due} />
    </View>
  )
}

function Repair({ sections }: { sections: HomeSections }) {
  const { openRepair } = sections
  const repair = openRepair.status === 'ok' ? openRepair.repair : null
  return (
    <View className="card">
      <Text className="card__title">未完成的报修</Text>
      {repair ? (
        <View className="agent-facts">
          <Fact name={repair.title} value={repair.statusLabel} />
          {repair.etaAt ? <Fact name="预计" value={shortTime(repair.etaAt)} /> : null}
        </View>
      ) : openRepair.status === 'ok' ? (
        <Text className="card__text">没有未完成的报修</Text>
      ) : null}
      <Unavailable section={openRepair} />
    </View>
  )
}

function LastTopUp({ sections }: { sections: HomeSections }) {
  const { lastTopUp, balance } = sections
  const order = lastTopUp.status === 'ok' ? lastTopUp.order : null
  // A billed household never tops up: no card, rather than an empty one.
  const prepaid = balance.status !== 'ok' || balance.balance !== null
  if (!order && !prepaid) return null
  return (
    <View className="card">
      <Text className="card__title">最近一次充值</Text>
      {order ? (
        <>
          <View className="agent-facts">
            <Fact name={shortTime(order.createdAt)} value={formatFen(order.amountFen)} />
            <Fact name="状态" value={order.stateLabel} />
          </View>
          {order.hint ? <Text className="card__text">{order.hint}</Text> : null}
          <View className="agent-timeline" {...a11y('到账进度', 'list')}>
            {order.timeline.map((step) => (
              <View
                key={step.state}
                className={`agent-timeline__step agent-timeline__step--${step.done ? 'done' : 'ahead'}`}
                {...a11y(undefined, 'listitem')}
              >
                <View className="agent-timeline__mark" {...decorative()}>
                  <Text>{step.done ? '✓' : ''}</Text>
                </View>
                <View className="agent-timeline__body">
                  <Text className="agent-timeline__label">
                    {step.label}
                    {step.done ? '' : '（未到）'}
                  </Text>
                  {step.at ? (
                    <Text className="agent-timeline__time">{shortTime(step.at)}</Text>
                  ) : null}
                </View>
              </View>
            ))}
          </View>
        </>
      ) : lastTopUp.status === 'ok' ? (
        <Text className="card__text">还没有充值记录</Text>
      ) : null}
      <Unavailable section={lastTopUp} />
    </View>
  )
}

function Applications({ sections }: { sections: HomeSections }) {
  const { heating, supplyStops } = sections
  const lines: string[] = []
  if (heating.status === 'ok' && heating.heating) {
    const h = heating.heating
    lines.push(
      `供暖季 ${h.seasonStartsOn} 至 ${h.seasonEndsOn}，${h.heatedThisSeason ? '本季供暖' : '本季已报停'}`,
    )
  }
  if (supplyStops.status === 'ok') {
    for (const notice of supplyStops.notices) lines.push(`停供通知：${notice.title}`)
  }
  if (lines.length === 0) return null
  return (
    <View className="card">
      <Text className="card__title">供暖与停供</Text>
      {lines.map((line) => (
        <Text key={line} className="card__text">
          {line}
        </Text>
      ))}
    </View>
  )
}

/** What the agent sees of an account: the masked holder and the resident's 首页 in facts. */
export function AccountState({ view }: { view: AgentAccountView }) {
  const { account, home } = view
  const summary = home.sections.account.status === 'ok' ? home.sections.account.account : null
  return (
    <>
      <View className="card">
        <Text className="card__title">户号 {account.accountNo}</Text>
        <View className="agent-facts">
          <Fact name="户主" value={account.holderNameMasked} />
          <Fact name="手机" value={account.phoneMasked} />
          <Fact name="地址" value={account.addressMasked} />
          {summary ? <Fact name="类型" value={kindNames[summary.kind]} /> : null}
          <Fact
            name="户号状态"
            value={statusNames[account.status] ?? account.status}
            danger={account.status !== 'active'}
          />
        </View>
      </View>
      <Money sections={home.sections} />
      <Repair sections={home.sections} />
      <LastTopUp sections={home.sections} />
      <Applications sections={home.sections} />
    </>
  )
}
