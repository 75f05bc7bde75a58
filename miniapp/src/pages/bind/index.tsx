import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BindAccountRequest, type BoundAccount } from '@gh/shared'
import { a11y } from '../../a11y'
import { backToAccounts } from '../../account/navigation'
import { currentAccountStore } from '../../account/current-account-store'
import { labelChoices } from '../../account/labels'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { ChoiceChips } from '../../components/choice-chips'
import { FormField } from '../../components/form-field'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { RequireLogin } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useAction } from '../../hooks/use-action'
import { sceneOf } from '../../navigation/scene'
import { bindAccount } from './api'
import { AgentLinkConfirm } from './parts/agent-link'
import { SceneLanding } from './parts/scene-landing'
import { BindMethodSwitch, type BindMethod } from './parts/bind-method'
import { canScan, scanAccountNo } from './parts/scan'
import { SmsBind } from './parts/sms-bind'
import { agentLinkBindSpeech, bindSpeech } from './speech'
import './index.scss'

/**
 * 绑定户号: account number (typed or scanned from a bill/meter QR), then a code sent to the
 * account's reserved phone (recommended) or the holder proof (name + last 4 phone digits).
 */
export default function BindPage() {
  const loggedIn = useLoggedIn()
  const { params } = useRouter()
  const [accountNo, setAccountNo] = useState(params.accountNo ?? '')
  const [method, setMethod] = useState<BindMethod>('sms')
  const [holderName, setHolderName] = useState('')
  const [phoneLast4, setPhoneLast4] = useState('')
  const [label, setLabel] = useState<string | undefined>()
  const [error, setError] = useState<string | undefined>()

  const scan = async () => {
    const found = await scanAccountNo()
    if (found) setAccountNo(found)
    else setError('没有识别到户号，请对准账单或燃气表上的二维码，或直接输入')
  }

  const done = async (bound: BoundAccount) => {
    currentAccountStore.set(bound.accountNo)
    await Taro.showToast({ title: '绑定成功', icon: 'success' }).catch(() => undefined)
    backToAccounts()
  }

  const chooseMethod = (next: BindMethod) => {
    setMethod(next)
    setError(undefined)
  }

  const binding = useAction(
    async (request: BindAccountRequest) => done(await bindAccount(request)),
    { onError: (err) => setError(err.message) },
  )

  const submit = async () => {
    const parsed = BindAccountRequest.safeParse({ accountNo, holderName, phoneLast4, label })
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容')
    setError(undefined)
    await binding.run(parsed.data)
  }

  // Opened from a mini-program code or the H5 QR code: the scene leads to the agent's link.
  const scene = params.agentLink ? undefined : sceneOf(params)
  if (scene) {
    return (
      <PageRoot>
        <PageHeading title="绑定户号" subtitle="客服发来的二维码" />
        <SceneLanding scene={scene} />
      </PageRoot>
    )
  }

  if (loggedIn && params.agentLink) {
    return (
      <PageRoot>
        <PageHeading title="绑定户号" subtitle="客服发来的链接" />
        <ReadAloudBar text={agentLinkBindSpeech} />
        <AgentLinkConfirm token={decodeURIComponent(params.agentLink)} />
      </PageRoot>
    )
  }

  const labelChips = (
    <ChoiceChips
      label="备注名（可不选）"
      choices={labelChoices}
      value={label}
      onChange={setLabel}
    />
  )
  const errorLine = error ? (
    <Text className="bind-page__error" {...a11y(undefined, 'alert')}>
      ⚠ {error}
    </Text>
  ) : null

  return (
    <PageRoot>
      <PageHeading title="绑定户号" subtitle="户号印在燃气账单、缴费卡或燃气表上" />
      <ReadAloudBar
        what={loggedIn ? '要填写的内容' : undefined}
        text={() =>
          bindSpeech({
            loggedIn,
            accountNo,
            method,
            holderNameFilled: holderName.trim() !== '',
            phoneLast4Filled: phoneLast4.trim() !== '',
            ...(label ? { label } : {}),
            ...(error ? { error } : {}),
          })
        }
      />
      <RequireLogin loginHint="登录后可以绑定户号，为它交费、查账单和报修">
        <View className="card">
          <FormField
            label="户号"
            value={accountNo}
            onChange={setAccountNo}
            type="number"
            maxLength={10}
            placeholder="10位数字"
            addon={
              canScan ? (
                <View
                  className="form-field__addon"
                  onClick={() => void scan()}
                  {...a11y('扫码（扫描账单或燃气表上的二维码）', 'button')}
                >
                  <Text>扫码</Text>
                </View>
              ) : undefined
            }
          />
          <BindMethodSwitch value={method} onChange={chooseMethod} />
          {method === 'sms' ? (
            <SmsBind accountNo={accountNo} label={label} onBound={done}>
              {labelChips}
              {errorLine}
            </SmsBind>
          ) : (
            <>
              <FormField
                label="户主姓名"
                value={holderName}
                onChange={setHolderName}
                placeholder="全名或姓氏"
                hint="填姓氏也可以，例如“王”"
              />
              <FormField
                label="预留手机号后4位"
                value={phoneLast4}
                onChange={setPhoneLast4}
                type="number"
                maxLength={4}
                placeholder="4位数字"
                hint="开户时登记的手机号，不是本机号码也可以"
              />
              {labelChips}
              {errorLine}
              <View className="bind-page__submit">
                <ActionButton main onClick={() => void submit()}>
                  {binding.busy ? '正在核对…' : '绑定'}
                </ActionButton>
              </View>
            </>
          )}
        </View>
        <Text className="bind-page__note">
          为保护户主信息，多次填错会暂停绑定一段时间。家人的户号也可以请户主在“家人”中邀请您。
        </Text>
      </RequireLogin>
    </PageRoot>
  )
}
