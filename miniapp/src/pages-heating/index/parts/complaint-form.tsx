import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { formatFen } from '@gh/shared'
import type { HeatingComplaints } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { showMessage } from '../../../elder/modal'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../../../payments'
import { uploadPhoto } from '../../../repairs/photos/api'
import { pickPhotos } from '../../../repairs/photos/pick'
import { usePhotoUploads } from '../../../repairs/photos/use-photo-uploads'
import { PhotoThumb } from '../../../repairs/view/photo-thumb'
import { reportRoomTemperature } from '../api'
import { temperatureText } from '../format'
import { TemperatureStepper } from './temperature-stepper'

type Rule = HeatingComplaints['rule']

/** What the published rule gives for a reading, before anything is sent. */
function preview(rule: Rule, tenths: number): string {
  let band: Rule['bands'][number] | undefined
  for (const b of rule.bands) if (tenths < b.belowTenths) band = b
  if (!band) {
    return `${temperatureText(tenths)} 已达到 ${rule.standardTenths / 10}℃ 的标准，上门测得达标不予补偿。`
  }
  return (
    `如上门测得 ${temperatureText(tenths)}：每天补偿 ${formatFen(band.perDayFen)}` +
    `（日热费的 ${band.percent}%），从今天起直到整改复测达标。`
  )
}

/** The thermometer photo: optional, one, uploaded as soon as it is chosen. */
function PhotoChoice(props: { accountNo: string; photos: ReturnType<typeof usePhotoUploads> }) {
  const { accountNo, photos } = props
  const item = photos.items[0]
  const choose = () => {
    pickPhotos(1).then(
      (paths) => photos.add(paths),
      (err: unknown) => {
        console.warn('choosing a photo failed', err)
        void Taro.showToast({ title: '没能打开相册或相机，请再试一次', icon: 'none' })
      },
    )
  }
  if (!item) {
    return (
      <View
        className="heating-photo__add"
        hoverClass="heating-photo__add--pressed"
        onClick={choose}
        {...a11y('拍温度计照片，可不拍', 'button')}
      >
        <Text>+ 拍温度计照片（可不拍）</Text>
      </View>
    )
  }
  const status =
    item.state === 'uploading'
      ? `上传中 ${item.progress}%`
      : item.state === 'failed'
        ? `上传失败：${item.error ?? ''}`
        : '已上传'
  return (
    <View className="heating-photo">
      <PhotoThumb
        source={item.filePath ? { filePath: item.filePath } : { accountNo, photoId: item.key }}
        label={`温度计照片，${status}`}
      />
      <View className="heating-photo__side">
        <Text className="heating-photo__status" {...a11y(undefined, 'status')}>
          {status}
        </Text>
        {item.state === 'failed' ? (
          <View
            className="heating-photo__button"
            onClick={() => photos.retry(item.key)}
            {...a11y('重新上传温度计照片', 'button')}
          >
            <Text>重试</Text>
          </View>
        ) : null}
        <View
          className="heating-photo__button"
          onClick={() => photos.remove(item.key)}
          {...a11y('删除温度计照片', 'button')}
        >
          <Text>删除</Text>
        </View>
      </View>
    </View>
  )
}

/** 室温不达标: the reading, an optional photo and the measurement visit, with the rule's effect. */
export function ComplaintForm(props: { accountNo: string; complaints: HeatingComplaints }) {
  const { accountNo, complaints } = props
  const { rule, slots } = complaints
  const [tenths, setTenths] = useState(160)
  const [slotLabel, setSlotLabel] = useState<string | undefined>(slots[0]?.label)
  const photos = usePhotoUploads({
    initial: [],
    max: 1,
    upload: (filePath, key, onProgress) => uploadPhoto(accountNo, filePath, key, onProgress),
  })
  const attempt = useRef<KeyedAttempt<string>>()
  const slot = slots.find((s) => s.label === slotLabel)
  const submit = useAction(async () => {
    if (!slot) {
      await showMessage('请选择上门测温时间', '选一个方便家里有人的时间。')
      return
    }
    if (photos.busy) {
      await showMessage('照片还在上传', '请等照片上传完再提交，或者删除照片。')
      return
    }
    const photoId = photos.photoIds[0]
    const body = { temperatureTenths: tenths, slotId: slot.slotId, ...(photoId ? { photoId } : {}) }
    attempt.current = attemptFor(attempt.current, JSON.stringify(body))
    const complaint = await reportRoomTemperature(accountNo, body, attempt.current.key)
    await showMessage('已预约上门测温', `${complaint.visit.label}，请家里留人。`)
  })
  return (
    <View className="card heating-complaint-form">
      <Text className="card__title">报告室温不达标</Text>
      <TemperatureStepper tenths={tenths} onChange={setTenths} />
      <Text className="heating-complaint-form__preview" {...a11y(undefined, 'status')}>
        {preview(rule, tenths)}
      </Text>
      <ChoiceChips
        label="上门测温时间"
        choices={slots.map((s) => s.label)}
        value={slotLabel}
        onChange={setSlotLabel}
      />
      <PhotoChoice accountNo={accountNo} photos={photos} />
      <View className="heating-offer__action">
        <ActionButton main onClick={() => void submit.run()}>
          {submit.busy ? '正在提交…' : '提交并预约测温'}
        </ActionButton>
      </View>
    </View>
  )
}
