import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { HeatingComplaints } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ComplaintForm } from './complaint-form'
import { ComplaintCard } from './complaint-list'

/** 室温不达标: the published rule with this home's amounts, the report form, the complaints. */
export function ComplaintSection(props: { accountNo: string; complaints: HeatingComplaints }) {
  const { accountNo, complaints } = props
  const { rule, report } = complaints
  const [open, setOpen] = useState(false)
  return (
    <View className="heating-section">
      <Text className="section-title">室温不达标</Text>
      <View className="card heating-rule">
        <Text className="card__title">室温标准和补偿</Text>
        {rule.bands.map((band) => (
          <Text key={band.belowTenths} className="heating-rule__band">
            {band.text}
          </Text>
        ))}
        <Text className="heating-rule__text">日热费：{rule.dailyFeeFormula}</Text>
        <View
          className="heating-rule__toggle"
          onClick={() => setOpen(!open)}
          {...a11y(open ? '收起补偿规则' : '查看完整补偿规则', 'button')}
          {...{ 'aria-expanded': open ? 'true' : 'false' }}
        >
          <Text>{open ? '收起补偿规则 ▲' : '查看完整补偿规则 ▼'}</Text>
        </View>
        {open ? <Text className="heating-rule__text">{rule.text}</Text> : null}
      </View>
      {report.canApply ? (
        <ComplaintForm accountNo={accountNo} complaints={complaints} />
      ) : (
        <View className="card heating-refusal" {...a11y(undefined, 'note')}>
          <Text className="heating-refusal__mark">!</Text>
          <Text className="heating-refusal__text">{report.reason}</Text>
        </View>
      )}
      {complaints.complaints.map((complaint) => (
        <ComplaintCard key={complaint.complaintId} complaint={complaint} />
      ))}
    </View>
  )
}
