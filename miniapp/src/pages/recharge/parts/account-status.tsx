import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { AccountSummary, PaymentOptions } from '@gh/shared'
import { a11y } from '../../../a11y'

export interface AccountStatusProps {
  summary: AccountSummary | null
  options: PaymentOptions
}

/** What the account has now: days of gas, what it owes, and why it may not be topped up. */
export function AccountStatus({ summary, options }: AccountStatusProps) {
  const owed = options.bill.owedFen
  const suspended = summary?.status === 'suspended'
  return (
    <View className="card recharge-status">
      <Text className="recharge-status__caption">当前余额约可用</Text>
      <Text className="recharge-status__days">
        {options.daysOfGasNow !== null ? `${options.daysOfGasNow} 天` : '暂无法估算'}
      </Text>
      {options.daysOfGasNow === null ? (
        <Text className="card__text">近期没有用气记录，暂时算不出可用天数</Text>
      ) : (
        <Text className="card__text">{options.daysOfGasBasis ?? '按近期每天的用气量估算'}</Text>
      )}
      {owed > 0 ? (
        <View className="recharge-status__owed" {...a11y(undefined, 'note')}>
          <Text className="recharge-status__owed-title">欠费 {formatFen(owed)}</Text>
          <Text className="recharge-status__owed-text">
            充值会先抵扣欠费，剩下的钱才存入气表，所以充值金额不能少于欠费。
          </Text>
        </View>
      ) : null}
      {suspended ? (
        <View className="recharge-status__owed" {...a11y(undefined, 'note')}>
          <Text className="recharge-status__owed-title">⚠ 该户已停止供气</Text>
          <Text className="recharge-status__owed-text">
            停气的户号不能在线充值。请拨打客服电话或到营业厅办理恢复供气。
          </Text>
        </View>
      ) : null}
    </View>
  )
}
