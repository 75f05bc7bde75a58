import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import {
  ACCOUNT_CHANGE_KIND_LABELS,
  CreateAccountChangeRequest,
  type AccountChangeDocument,
  type AccountChangeKind,
} from '@gh/shared'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { showMessage } from '../../../elder/modal'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt } from '../../../payments'
import { uploadPhoto } from '../../../repairs/photos/api'
import { usePhotoUploads } from '../../../repairs/photos/use-photo-uploads'
import { submitChange } from '../api'
import { DocumentPhotos } from './document-photos'

const KINDS: readonly AccountChangeKind[] = ['transfer', 'close', 'update']
const LABELS = KINDS.map((k) => ACCOUNT_CHANGE_KIND_LABELS[k])
const kindOf = (label: string | undefined) =>
  KINDS.find((k) => ACCOUNT_CHANGE_KIND_LABELS[k] === label)

/** What each kind needs, said before the resident starts. */
const NOTES: Record<AccountChangeKind, string> = {
  transfer:
    '房屋买卖或继承后办理。需要房产证（或购房合同）和新户主身份证照片；办结后原户主的绑定会解除，新户主用自己的姓名和手机号重新绑定。',
  close:
    '不再用气或用热时办理。需先缴清全部费用，预存余额原路退还；办结后该户号的所有绑定都会解除。',
  update: '修改预留的联系电话或账单邮寄地址，户主不变。',
}

/** A new 过户 / 销户 / 信息变更 request: the kind, what changes, and the document photos. */
export function ChangeForm(props: {
  accountNo: string
  onKind: (label: string | undefined) => void
}) {
  const { accountNo, onKind } = props
  const [kindLabel, setKindLabel] = useState<string | undefined>(undefined)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [phone, setPhone] = useState('')
  const [address, setAddress] = useState('')
  const upload = (filePath: string, key: string, onProgress: (p: number) => void) =>
    uploadPhoto(accountNo, filePath, key, onProgress)
  const property = usePhotoUploads({ initial: [], max: 3, upload })
  const idCard = usePhotoUploads({ initial: [], max: 2, upload })
  const attempt = useRef<KeyedAttempt<string>>()
  const kind = kindOf(kindLabel)

  const submit = useAction(async () => {
    if (!kind) return
    if (property.busy || idCard.busy) {
      await showMessage('照片还在上传', '请等照片上传完再提交。')
      return
    }
    const documents: AccountChangeDocument[] = [
      ...(kind === 'transfer'
        ? property.photoIds.map((photoId) => ({ kind: 'property' as const, photoId }))
        : []),
      ...(kind === 'update'
        ? []
        : idCard.photoIds.map((photoId) => ({ kind: 'id_card' as const, photoId }))),
    ]
    const draft =
      kind === 'transfer'
        ? { kind, newHolder: { name, idNumber, phone }, documents }
        : kind === 'close'
          ? { kind, documents }
          : {
              kind,
              documents,
              ...(phone.trim() ? { phone: phone.trim() } : {}),
              ...(address.trim() ? { mailingAddress: address.trim() } : {}),
            }
    const parsed = CreateAccountChangeRequest.safeParse(draft)
    if (!parsed.success) {
      await showMessage('请检查填写的内容', parsed.error.issues[0]?.message ?? '填写的内容有误')
      return
    }
    attempt.current = attemptFor(attempt.current, JSON.stringify(parsed.data))
    const change = await submitChange(accountNo, parsed.data, attempt.current.key)
    await showMessage(`${change.kindLabel}申请已提交`, change.result)
  })

  return (
    <View className="card change-form">
      <Text className="card__title">新的申请</Text>
      <ChoiceChips
        label="办理什么"
        choices={LABELS}
        value={kindLabel}
        onChange={(label) => {
          setKindLabel(label)
          onKind(label)
        }}
      />
      {kind ? <Text className="change-form__note">{NOTES[kind]}</Text> : null}
      {kind === 'transfer' ? (
        <>
          <FormField
            label="新户主姓名"
            value={name}
            onChange={setName}
            maxLength={20}
            placeholder="与身份证上的姓名一致"
          />
          <FormField
            label="新户主身份证号"
            value={idNumber}
            onChange={setIdNumber}
            maxLength={18}
            placeholder="18位身份证号码"
            hint="只用于营业厅核对，页面上不会再显示"
          />
          <FormField
            label="新户主手机号"
            value={phone}
            onChange={setPhone}
            type="number"
            maxLength={11}
            placeholder="11位手机号码"
          />
          <DocumentPhotos title="房产证或购房合同" photos={property} max={3} />
          <DocumentPhotos title="新户主身份证" photos={idCard} max={2} />
        </>
      ) : null}
      {kind === 'close' ? <DocumentPhotos title="户主身份证" photos={idCard} max={2} /> : null}
      {kind === 'update' ? (
        <>
          <FormField
            label="新的联系电话"
            value={phone}
            onChange={setPhone}
            type="number"
            maxLength={11}
            placeholder="11位手机号码"
            hint="不改可以不填"
          />
          <FormField
            label="新的邮寄地址"
            value={address}
            onChange={setAddress}
            maxLength={60}
            placeholder="小区、楼号、单元、门牌号"
            hint="不改可以不填"
          />
        </>
      ) : null}
      {kind ? (
        <View className="change-form__action">
          <ActionButton main onClick={() => void submit.run()}>
            {submit.busy ? '正在提交…' : `提交${ACCOUNT_CHANGE_KIND_LABELS[kind]}申请`}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
