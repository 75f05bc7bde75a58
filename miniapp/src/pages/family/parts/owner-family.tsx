import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { FamilyInvite, FamilyMember } from '@gh/shared'
import { a11y } from '../../../a11y'
import { spacedAccountNo } from '../../../account/labels'
import type { ApiError } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { PageShell } from '../../../components/page-shell'
import { ReadAloudBar } from '../../../components/read-aloud'
import { showModal } from '../../../elder/modal'
import { useAction } from '../../../hooks/use-action'
import { useQuery } from '../../../hooks/use-query'
import { createFamilyInvite, listFamilyMembers, removeFamilyMember } from '../api'
import { ownerFamilySpeech } from '../speech'

const readableTime = (iso: string) =>
  `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

/** The owner's view: invite someone, see who shares the account, remove a family member. */
export function OwnerFamily({ accountNo }: { accountNo: string }) {
  const members = useQuery(['user', 'familyMembers', accountNo], () => listFamilyMembers(accountNo))
  const [invite, setInvite] = useState<FamilyInvite | undefined>()
  const [error, setError] = useState<string | undefined>()
  const showError = { onError: (err: ApiError) => setError(err.message) }

  const makeInvite = useAction(async () => {
    setError(undefined)
    setInvite(await createFamilyInvite(accountNo))
  }, showError)

  const remove = useAction(async (member: FamilyMember) => {
    const confirmed = await showModal({
      title: '移除家人',
      content: `移除后，${member.displayMasked}将不能再查看和缴费这个户号。`,
      confirmText: '移除',
      cancelText: '取消',
      danger: true,
    })
    if (!confirmed) return
    await removeFamilyMember(accountNo, member.memberId)
  }, showError)

  return (
    <>
      <ReadAloudBar
        what="邀请家人和已绑定的人"
        text={() =>
          ownerFamilySpeech({
            accountNo,
            ...(invite ? { inviteExpiresAt: invite.expiresAt } : {}),
            ...(members.state.status === 'success'
              ? {
                  members: members.state.data.map((m) => ({
                    displayMasked: m.displayMasked,
                    isYou: m.isYou,
                    owner: m.role === 'owner',
                    joinedAt: m.joinedAt,
                  })),
                }
              : {}),
            ...(error ? { error } : {}),
          })
        }
      />
      <View className="card">
        <Text className="card__title">邀请家人</Text>
        <Text className="card__text">
          户号 {spacedAccountNo(accountNo)}。家人用邀请码添加后，可以帮您交费、查账单和报修。
        </Text>
        {invite ? (
          <View
            className="family-invite"
            {...a11y(`邀请码 ${invite.code.split('').join(' ')}`, 'group')}
          >
            <Text className="family-invite__code">{`${invite.code.slice(0, 4)} ${invite.code.slice(4)}`}</Text>
            <Text className="family-invite__hint">
              {readableTime(invite.expiresAt)} 前有效，只能用一次
            </Text>
            <ActionButton
              variant="secondary"
              onClick={() => void Taro.setClipboardData({ data: invite.code })}
            >
              复制邀请码
            </ActionButton>
          </View>
        ) : null}
        <View className="family-page__submit">
          <ActionButton main onClick={() => void makeInvite.run()}>
            {invite ? '重新生成邀请码' : '生成邀请码'}
          </ActionButton>
        </View>
        {error ? (
          <Text className="family-page__error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
      </View>
      <Text className="section-title">已绑定此户号的人</Text>
      <PageShell state={members.state} onRetry={members.retry} what="家人列表">
        {(list) => (
          <View className="card family-members">
            {list.map((m) => (
              <View key={m.memberId} className="family-member">
                <View className="family-member__text">
                  <Text className="family-member__name">
                    {m.displayMasked}
                    {m.isYou ? '（您）' : ''}
                  </Text>
                  <Text className="family-member__meta">
                    {m.role === 'owner' ? '户主身份绑定' : '家人'} · {readableTime(m.joinedAt)} 加入
                  </Text>
                </View>
                {m.role === 'family' ? (
                  <ActionButton
                    variant="secondary"
                    className="family-member__remove"
                    onClick={() => void remove.run(m)}
                    label={`移除家人${m.displayMasked}`}
                  >
                    移除
                  </ActionButton>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </PageShell>
    </>
  )
}
