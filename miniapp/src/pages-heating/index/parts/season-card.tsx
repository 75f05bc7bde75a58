import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatFen } from '@gh/shared'
import type { HeatingOverview } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { openPage, pages } from '../../../navigation/pages'
import { timeText } from '../format'

const supplyMarks = { heated: '✓', stopped: '停', resuming: '…' } as const
const phases = { before: '采暖季未开始', in: '采暖期内', after: '采暖季已结束' } as const

/** The season, whether the home is heated in it, its fee and what is still to pay. */
export function SeasonCard({ overview }: { overview: HeatingOverview }) {
  const { season, supply, fee, rules } = overview
  const [rulesOpen, setRulesOpen] = useState(false)
  return (
    <View className="card heating-season">
      <Text className="heating-season__title">{season.label}</Text>
      <Text className="heating-season__dates">
        {timeText(season.startsOn)}至次年{timeText(season.endsOn)}，共 {season.days} 天（
        {phases[season.phase]}）
      </Text>
      <View className={`heating-supply heating-supply--${supply.state}`}>
        <Text className="heating-supply__mark">{supplyMarks[supply.state]}</Text>
        <Text className="heating-supply__label">{supply.label}</Text>
      </View>
      <View className="heating-fee">
        <Text className="heating-fee__caption">本季热费</Text>
        <Text className="heating-fee__amount">{formatFen(fee.seasonFeeFen)}</Text>
        <Text className="heating-fee__formula">{fee.formula}</Text>
        {fee.metered ? (
          <Text className="heating-fee__line">
            热计量：本季至今用热 {(fee.metered.seasonHeatMj / 1000).toFixed(2)}{' '}
            GJ（吉焦），计量热费约 {formatFen(fee.metered.meteredFeeSoFarFen)}
          </Text>
        ) : null}
        {fee.creditFen < 0 ? (
          <Text className="heating-fee__line">
            已扣减室温不达标补偿 {formatFen(-fee.creditFen)}
          </Text>
        ) : null}
        {fee.billId ? (
          <Text className="heating-fee__line">
            已缴 {formatFen(fee.paidFen)}
            {fee.outstandingFen > 0 ? `，还需缴 ${formatFen(fee.outstandingFen)}` : '，已缴清'}
            {fee.lateFeeFen > 0 ? `（含滞纳金 ${formatFen(fee.lateFeeFen)}）` : ''}
          </Text>
        ) : (
          <Text className="heating-fee__line">本季热费尚未出账</Text>
        )}
      </View>
      {fee.outstandingFen > 0 ? (
        <View className="heating-season__action">
          <ActionButton main onClick={() => openPage(pages.bills)}>
            去缴供暖费
          </ActionButton>
        </View>
      ) : null}
      <View
        className="heating-rules__toggle"
        onClick={() => setRulesOpen(!rulesOpen)}
        {...a11y(rulesOpen ? '收起收费规则' : '查看收费规则', 'button')}
        {...{ 'aria-expanded': rulesOpen ? 'true' : 'false' }}
      >
        <Text>{rulesOpen ? '收起收费规则 ▲' : '查看收费规则 ▼'}</Text>
      </View>
      {rulesOpen ? (
        <View className="heating-rules">
          <Text className="heating-rules__head">收费</Text>
          <Text className="heating-rules__text">{rules.fee}</Text>
          <Text className="heating-rules__head">报停</Text>
          <Text className="heating-rules__text">{rules.stop}</Text>
          <Text className="heating-rules__head">恢复供暖</Text>
          <Text className="heating-rules__text">{rules.resume}</Text>
        </View>
      ) : null}
    </View>
  )
}
