import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AccountLabel, type BoundAccount } from '@gh/shared'
import { a11y } from '../../../a11y'
import { accountTitle, kindNames, labelChoices, spacedAccountNo } from '../../../account/labels'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { openPage, pages } from '../../../navigation/pages'

export interface AccountCardProps {
  account: BoundAccount
  isCurrent: boolean
  onSelect: () => void
  onMakeDefault: () => void
  onRename: (label: string | null) => Promise<void>
  onFamily: () => void
  onUnbind: () => void
}

/** One bound account: what it is (masked), its badges in words, and what can be done with it. */
export function AccountCard(props: AccountCardProps) {
  const { account, isCurrent } = props
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(account.label ?? '')
  const [error, setError] = useState<string | undefined>()
  const badges = [
    isCurrent ? '当前' : undefined,
    account.isDefault ? '默认' : undefined,
    account.role === 'family' ? '家人共享' : undefined,
  ].filter((b): b is string => b !== undefined)

  const save = async () => {
    const parsed = AccountLabel.nullable().safeParse(draft.trim() === '' ? null : draft)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    await props.onRename(parsed.data)
    setEditing(false)
  }

  return (
    <View
      className="card account-card"
      {...a11y(`${accountTitle(account)}，户号${account.accountNo}`, 'group')}
    >
      <View className="account-card__head">
        <Text className="account-card__title">{accountTitle(account)}</Text>
        {badges.map((b) => (
          <Text
            key={b}
            className={`account-card__badge account-card__badge--${b === '当前' ? 'current' : 'plain'}`}
          >
            {b}
          </Text>
        ))}
      </View>
      <Text className="account-card__number">户号 {spacedAccountNo(account.accountNo)}</Text>
      {account.summary ? (
        <>
          <Text className="account-card__line">
            {kindNames[account.summary.kind]} · 户主 {account.summary.holderNameMasked}
          </Text>
          <Text className="account-card__line">{account.summary.addressMasked}</Text>
        </>
      ) : (
        <Text className="account-card__line">户号详情暂时无法显示，稍后再试</Text>
      )}
      {editing ? (
        <View className="account-card__edit">
          <FormField
            label="备注名"
            value={draft}
            onChange={setDraft}
            maxLength={10}
            placeholder="例如：我家"
          />
          <ChoiceChips
            label="常用"
            choices={labelChoices}
            value={draft}
            onChange={(v) => setDraft(v ?? '')}
          />
          {error ? (
            <Text className="account-card__error" {...a11y(undefined, 'alert')}>
              ⚠ {error}
            </Text>
          ) : null}
          <View className="account-card__actions">
            <ActionButton onClick={() => void save()}>保存</ActionButton>
            <ActionButton variant="secondary" onClick={() => setEditing(false)}>
              取消
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className="account-card__actions">
          {isCurrent ? null : (
            <ActionButton
              main
              onClick={props.onSelect}
              label={`切换到此户号（${accountTitle(account)}）`}
            >
              切换到此户号
            </ActionButton>
          )}
          {account.isDefault ? null : (
            <ActionButton variant="secondary" onClick={props.onMakeDefault}>
              设为默认
            </ActionButton>
          )}
          <ActionButton
            variant="secondary"
            onClick={() => setEditing(true)}
            label={`改备注（${accountTitle(account)}）`}
          >
            改备注
          </ActionButton>
          {account.role === 'owner' ? (
            <ActionButton
              variant="secondary"
              onClick={props.onFamily}
              label={`家人（${accountTitle(account)}）`}
            >
              家人
            </ActionButton>
          ) : null}
          <ActionButton
            variant="secondary"
            onClick={() => openPage(`${pages.messageSettings}?accountNo=${account.accountNo}`)}
            label={`消息设置（${accountTitle(account)}）`}
          >
            消息设置
          </ActionButton>
          <ActionButton
            variant="secondary"
            className="account-card__danger"
            onClick={props.onUnbind}
            label={`解绑${accountTitle(account)}`}
          >
            解绑
          </ActionButton>
        </View>
      )}
    </View>
  )
}
