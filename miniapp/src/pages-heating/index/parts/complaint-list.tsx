import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { HeatingComplaint } from '@gh/shared'
import { temperatureText, timeText } from '../format'
import { Steps } from './steps'

/** One 室温投诉: the reading, the visit, the result and the compensation (or the rule's promise). */
export function ComplaintCard({ complaint }: { complaint: HeatingComplaint }) {
  const { measurement, compensation } = complaint
  return (
    <View className="card heating-complaint">
      <View className="heating-application__head">
        <Text className="card__title">室温投诉 · {temperatureText(complaint.reportedTenths)}</Text>
        <Text className={`heating-badge heating-badge--${complaint.status}`}>
          {complaint.statusLabel}
        </Text>
      </View>
      <Text className="heating-complaint__line">
        报告时间：{timeText(complaint.reportedAt)}
        {complaint.photoId ? '（附温度计照片）' : ''}
      </Text>
      <Text className="heating-complaint__line">上门测温：{complaint.visit.label}</Text>
      {measurement ? (
        <Text className="heating-complaint__result">
          测得 {temperatureText(measurement.measuredTenths)}，
          {measurement.belowStandard
            ? `不达标（每天补偿日热费的 ${measurement.percent}%）`
            : '达标'}
        </Text>
      ) : null}
      {compensation ? (
        <View className="heating-compensation">
          <Text className="heating-compensation__head">
            补偿 {compensation.days} 天，共 {formatFen(compensation.amountFen)}
          </Text>
          <Text className="heating-compensation__text">{compensation.explanation}</Text>
          <Text className="heating-compensation__text">
            {compensation.fromDate} 至 {compensation.toDate}；{compensation.note}
          </Text>
        </View>
      ) : complaint.status === 'scheduled' || complaint.status === 'fixing' ? (
        <Text className="heating-complaint__line">{complaint.expected.text}</Text>
      ) : null}
      <Steps steps={complaint.steps} label="室温投诉处理进度" />
    </View>
  )
}
