import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { CreateRepairRequest, repairKindLabels } from '@gh/shared'
import type { RepairKind, RepairOptions, RepairSlot } from '@gh/shared'
import { a11y } from '../../../a11y'
import type { ApiError } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { sameSlot } from '../../../components/slot-list'
import { DescriptionField } from '../../../components/voice-input/description-field'
import { useAction } from '../../../hooks/use-action'
import { openPage } from '../../../navigation/pages'
import { createRepair } from '../../../repairs/api'
import { openDraft, repairDrafts } from '../../../repairs/draft'
import { isUrgentRepairKind, kindChoices } from '../../../repairs/kinds'
import { detailUrl, listUrl } from '../../../repairs/links'
import { uploadPhoto } from '../../../repairs/photos/api'
import { usePhotoUploads } from '../../../repairs/photos/use-photo-uploads'
import type { ReportFacts } from '../speech'
import { ContactPhone } from './contact-phone'
import { PhotoField } from './photo-field'
import { SlotChoice } from './slot-choice'

const labelOf = (kind: RepairKind) => repairKindLabels[kind]
const kindOfLabel = (label: string | undefined) =>
  kindChoices.find((c) => c.label === label)?.kind ?? null

interface SendError {
  message: string
  /** The same draft was already sent with other content: its report is in 我的报修. */
  alreadySent: boolean
}

export interface ReportFormProps {
  accountNo: string
  options: RepairOptions
  /** The kind the page was opened for (`?kind=`), when any. */
  askedKind: RepairKind | undefined
  /** Told what the form shows, for 朗读. */
  onShown: (facts: ReportFacts) => void
}

/**
 * The report: kind, what is wrong (typed or spoken), photos and a preferred time for a fault
 * that can wait, the address and a contact phone. Every change is kept as the account's draft;
 * 提交报修 sends it with the draft's key, so a second tap or a retry makes no second report.
 */
export function ReportForm({ accountNo, options, askedKind, onShown }: ReportFormProps) {
  const [start] = useState(() => openDraft(repairDrafts.load(accountNo, askedKind), askedKind))
  const [kind, setKind] = useState<RepairKind | null>(start.kind)
  const [description, setDescription] = useState(start.description)
  // A kept slot that is no longer offered (a day gone by, booked out) is dropped, not sent.
  const [slot, setSlot] = useState<RepairSlot | null>(
    options.slots.some((s) => s.available && sameSlot(s, start.slot)) ? start.slot : null,
  )
  const [phone, setPhone] = useState<string | null>(start.phone)
  const [changingKind, setChangingKind] = useState(start.kind === null)
  const [error, setError] = useState<SendError | null>(null)
  const upload = useCallback(
    (filePath: string, key: string, onProgress: (percent: number) => void) =>
      uploadPhoto(accountNo, filePath, key, onProgress),
    [accountNo],
  )
  const photos = usePhotoUploads({ initial: start.photoIds, upload, max: options.maxPhotos })
  const urgent = kind !== null && isUrgentRepairKind(kind)

  // Kept on the phone from the first change on (opening a form alone replaces no draft).
  const touched = useRef(false)
  const photoIds = photos.photoIds.join(',')
  useEffect(() => {
    if (!touched.current) {
      touched.current = true
      return
    }
    repairDrafts.save(accountNo, {
      key: start.key,
      kind,
      description,
      slot,
      phone,
      photoIds: photoIds ? photoIds.split(',') : [],
    })
  }, [accountNo, start.key, kind, description, slot, phone, photoIds])

  const failedPhotos = photos.items.filter((p) => p.state === 'failed').length
  useEffect(() => {
    onShown({
      kind,
      description,
      photos: { stored: photos.photoIds.length, uploading: photos.busy, failed: failedPhotos },
      slotLabel: options.slots.find((s) => sameSlot(s, slot))?.label ?? null,
      slotDate: slot,
      phone: phone === null ? 'own' : 'other',
      error: error?.message ?? null,
    })
  })

  const send = useAction(
    async () => {
      const problem = (message: string) => setError({ message, alreadySent: false })
      setError(null)
      if (!urgent && photos.busy) return problem('照片还在上传，请等上传完成再提交')
      if (!urgent && failedPhotos > 0) {
        return problem('有照片没有上传成功，请点照片下的“重试”或“删除”后再提交')
      }
      if (kind === null) return problem('请选择故障类型')
      // The BFF's own schema checks the form first, with the same Chinese messages.
      const body = CreateRepairRequest.safeParse({
        kind,
        description,
        // A leak or an alarm needs no photo and no time: someone comes at once.
        photoIds: urgent ? [] : photos.photoIds,
        ...(!urgent && slot ? { slot } : {}),
        ...(phone !== null ? { phone } : {}),
      })
      if (!body.success) return problem(body.error.issues[0]?.message ?? '请检查填写的内容')
      // Kept before it goes: if the answer is lost and the app closed, the resend finds its key.
      repairDrafts.save(accountNo, {
        key: start.key,
        kind,
        description,
        slot,
        phone,
        photoIds: photos.photoIds,
      })
      const repair = await createRepair(accountNo, body.data, start.key)
      repairDrafts.clear(accountNo, start.key)
      await Taro.redirectTo({ url: detailUrl(repair) })
    },
    {
      onError: (err: ApiError) =>
        setError({
          message:
            err.code === 'IDEMPOTENCY_KEY_REUSED'
              ? '这份报修已经提交过了（提交后又改过内容）。请到“我的报修”查看处理进度。'
              : err.message,
          alreadySent: err.code === 'IDEMPOTENCY_KEY_REUSED',
        }),
    },
  )

  return (
    <View className="card report-form">
      <View className="report-field">
        {changingKind ? null : <Text className="report-field__label">故障类型</Text>}
        {changingKind ? (
          <ChoiceChips
            label="请选择故障类型"
            choices={kindChoices.map((c) => c.label)}
            value={kind ? labelOf(kind) : undefined}
            onChange={(label) => {
              const next = kindOfLabel(label)
              setKind(next)
              if (next) setChangingKind(false)
            }}
          />
        ) : (
          <View className="report-field__row">
            <Text className={`report-field__value${urgent ? ' report-field__value--urgent' : ''}`}>
              {kind ? labelOf(kind) : ''}
              {urgent ? '（紧急）' : ''}
            </Text>
            <View
              className="report-field__change"
              onClick={() => setChangingKind(true)}
              {...a11y('更换故障类型', 'button')}
            >
              <Text>更换</Text>
            </View>
          </View>
        )}
        {urgent ? (
          <Text className="report-field__hint">
            紧急报修会尽快派人上门，不需要拍照，也不需要预约时间。
          </Text>
        ) : null}
      </View>

      <View className="report-field">
        <Text className="report-field__label">上门地址</Text>
        <Text className="report-field__value">{options.addressMasked}</Text>
        <Text className="report-field__hint">为保护隐私，门牌号已隐去；地址不对请联系客服</Text>
      </View>

      <View className="report-field">
        <DescriptionField
          label={urgent ? '情况说明（可不填）' : '故障描述'}
          placeholder={urgent ? '例如：厨房有很重的燃气味' : '例如：暖气片不热，从昨天开始'}
          maxLength={500}
          value={description}
          onChange={setDescription}
        />
      </View>

      {urgent ? null : <PhotoField accountNo={accountNo} photos={photos} max={options.maxPhotos} />}
      {urgent || options.slots.length === 0 ? null : (
        <SlotChoice slots={options.slots} value={slot} onChange={setSlot} />
      )}

      <ContactPhone ownMasked={options.phoneMasked} value={phone} onChange={setPhone} />

      {error ? (
        <View className="report-form__error" {...a11y(undefined, 'alert')}>
          <Text>{error.message}</Text>
          {error.alreadySent ? (
            <ActionButton variant="secondary" onClick={() => openPage(listUrl(accountNo))}>
              查看我的报修
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      <View className="report-form__send">
        <ActionButton main onClick={() => void send.run()}>
          {send.busy ? '正在提交…' : urgent ? '提交紧急报修' : '提交报修'}
        </ActionButton>
        <Text className="report-field__hint">填写的内容会自动保存，断网或退出后再打开也不会丢</Text>
      </View>
    </View>
  )
}
