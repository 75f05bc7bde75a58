import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { InviteCode } from '@gh/shared'
import { a11y } from '../../../a11y'
import { backToAccounts } from '../../../account/navigation'
import { currentAccountStore } from '../../../account/current-account-store'
import { labelChoices } from '../../../account/labels'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { ReadAloudBar } from '../../../components/read-aloud'
import { useAction } from '../../../hooks/use-action'
import { acceptFamilyInvite } from '../api'
import { joinFamilySpeech } from '../speech'

/** A family member joins an account with the owner's invite code (from a link or typed). */
export function AcceptInvite({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode)
  const [label, setLabel] = useState<string | undefined>('父母家')
  const [error, setError] = useState<string | undefined>()

  const accepting = useAction(
    async (inviteCode: string) => {
      const joined = await acceptFamilyInvite(inviteCode, label)
      currentAccountStore.set(joined.accountNo)
      backToAccounts()
    },
    { onError: (err) => setError(err.message) },
  )

  const submit = async () => {
    const parsed = InviteCode.safeParse(code.replace(/\s/g, ''))
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    setError(undefined)
    await accepting.run(parsed.data)
  }

  return (
    <>
      <ReadAloudBar
        what="怎样用邀请码添加"
        text={() =>
          joinFamilySpeech({
            loggedIn: true,
            codeFilled: code.trim() !== '',
            ...(label ? { label } : {}),
            ...(error ? { error } : {}),
          })
        }
      />
      <View className="card">
        <Text className="card__title">用邀请码添加家人的户号</Text>
        <Text className="card__text">
          请户主在“我的户号 → 家人”里生成邀请码，24小时内有效，只能用一次。
        </Text>
        <View className="family-page__form">
          <FormField
            label="邀请码"
            value={code}
            onChange={setCode}
            maxLength={9}
            placeholder="8位字母或数字"
          />
          <ChoiceChips label="备注名" choices={labelChoices} value={label} onChange={setLabel} />
        </View>
        {error ? (
          <Text className="family-page__error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
        <View className="family-page__submit">
          <ActionButton main onClick={() => void submit()}>
            添加户号
          </ActionButton>
        </View>
      </View>
    </>
  )
}
