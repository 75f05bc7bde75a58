import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ApplyConnectionRequest, CONNECTION_DISTRICTS } from '@gh/shared'
import { a11y } from '../../../a11y'
import { randomKey } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { useAction } from '../../../hooks/use-action'
import { usePhotoUploads } from '../../../repairs/photos/use-photo-uploads'
import { applyConnection, uploadDocument } from '../api'
import { DocumentField } from './document-field'

/** The 报装 application: who, where, and photos of the 房产证 (or 购房合同) and 身份证. */
export function ApplyForm(props: { onApplied: () => void }) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [district, setDistrict] = useState<string | undefined>(undefined)
  const [address, setAddress] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const property = usePhotoUploads({ initial: [], upload: uploadDocument, max: 1 })
  const idCard = usePhotoUploads({ initial: [], upload: uploadDocument, max: 1 })
  // One application per submit: a retry after a lost answer keeps the key.
  const key = useRef(randomKey())

  const submit = useAction(
    async () => {
      const parsed = ApplyConnectionRequest.safeParse({
        applicantName: name,
        phone,
        district,
        addressDetail: address,
        documents: [
          ...property.photoIds.map((photoId) => ({ kind: 'property', photoId })),
          ...idCard.photoIds.map((photoId) => ({ kind: 'id_card', photoId })),
        ],
      })
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? '请检查填写的内容')
        return
      }
      setProblem(null)
      await applyConnection(parsed.data, key.current)
      key.current = randomKey()
      props.onApplied()
    },
    { onError: (err) => setProblem(err.message) },
  )
  return (
    <View className="card connection-form">
      <Text className="connection__heading">申请报装</Text>
      <FormField
        label="申请人姓名"
        value={name}
        onChange={setName}
        placeholder="与证件上的姓名一致"
        maxLength={20}
      />
      <FormField
        label="联系电话"
        value={phone}
        onChange={setPhone}
        placeholder="11位手机号码"
        type="number"
        maxLength={11}
      />
      <ChoiceChips
        label="所在城区"
        choices={CONNECTION_DISTRICTS}
        value={district}
        onChange={setDistrict}
      />
      <FormField
        label="详细地址"
        value={address}
        onChange={setAddress}
        placeholder="小区、楼号、单元、门牌号"
        maxLength={60}
      />
      <DocumentField label="房产证或购房合同" photos={property} />
      <DocumentField label="身份证（人像面）" photos={idCard} />
      <Text className="connection__hint">证件照片只用于办理报装，提交后不会再显示。</Text>
      {problem ? (
        <Text className="connection__problem" {...a11y(undefined, 'alert')}>
          {problem}
        </Text>
      ) : null}
      <ActionButton main onClick={() => void submit.run()}>
        {submit.busy ? '正在提交…' : property.busy || idCard.busy ? '照片上传中…' : '提交申请'}
      </ActionButton>
    </View>
  )
}
