import { Text, View } from '@tarojs/components'
import type { Repair } from '@gh/shared'
import { a11y } from '../../../a11y'
import { shortTime } from '../../../repairs/time'
import { PhotoThumb } from '../../../repairs/view/photo-thumb'

/** 报修信息: what was reported, where, who to call, and the number to quote on the phone. */
export function RepairFacts({ repair }: { repair: Repair }) {
  return (
    <View className="card repair-facts">
      <Text className="repair-facts__row" selectable>
        报修单号：{repair.repairNo}
      </Text>
      <Text className="repair-facts__row">报修时间：{shortTime(repair.createdAt)}</Text>
      <Text className="repair-facts__row">故障类型：{repair.kindLabel}</Text>
      {repair.description ? (
        <Text className="repair-facts__row">故障描述：{repair.description}</Text>
      ) : null}
      <Text className="repair-facts__row">上门地址：{repair.addressMasked}</Text>
      <Text className="repair-facts__row">联系电话：{repair.contactPhoneMasked}</Text>
      {repair.slot ? (
        <Text className="repair-facts__row">希望上门时间：{repair.slot.label}</Text>
      ) : null}
      {repair.photoIds.length > 0 ? (
        <>
          <Text className="repair-facts__row">照片：{repair.photoIds.length}张</Text>
          <View className="repair-facts__photos" {...a11y('报修照片', 'list')}>
            {repair.photoIds.map((photoId, i) => (
              <View key={photoId} {...a11y(undefined, 'listitem')}>
                <PhotoThumb
                  source={{ accountNo: repair.accountNo, photoId }}
                  label={`第${i + 1}张照片`}
                />
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}
