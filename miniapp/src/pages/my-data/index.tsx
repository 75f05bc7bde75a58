import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '../../a11y'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { showModal } from '../../elder/modal'
import { useAction } from '../../hooks/use-action'
import { useQuery } from '../../hooks/use-query'
import { openPage, pages } from '../../navigation/pages'
import { deleteMe, getMyData, logout } from './api'
import { identityNames, myDataSpeech } from './speech'
import './index.scss'

const day = (iso: string) => iso.slice(0, 10)

/** 注销, asked twice: it cannot be undone. */
async function eraseAccount() {
  const first = await showModal({
    title: '注销账号',
    content:
      '注销后将删除您的登录方式、绑定的户号和登录状态，且不能恢复。已完成的交费记录按规定保留，但不再与您关联。',
    confirmText: '继续注销',
    cancelText: '取消',
    danger: true,
  })
  if (!first) return
  const second = await showModal({
    title: '确认注销',
    content: '确定要注销吗？注销后需要重新登录和绑定户号。',
    confirmText: '确认注销',
    cancelText: '取消',
    danger: true,
  })
  if (!second) return
  await deleteMe()
  await Taro.showToast({ title: '已注销', icon: 'success' }).catch(() => undefined)
  openPage(pages.home)
}

/** 我的数据 (PIPL): what we hold about the resident, masked; 退出登录 and 注销. */
export default function MyDataPage() {
  const loggedIn = useLoggedIn()
  const { state, retry } = useQuery(['user', 'myData'], getMyData)
  const erase = useAction(eraseAccount)
  return (
    <PageRoot>
      <PageHeading title="我的数据" subtitle="我们保存的关于您的全部信息" />
      <ReadAloudBar
        what="登录方式和绑定的户号"
        text={() =>
          myDataSpeech({
            loggedIn,
            ...(state.status === 'success' ? { data: state.data } : {}),
          })
        }
      />
      <PageShell
        state={state}
        onRetry={retry}
        requireLogin
        loginHint="登录后可以查看我们保存的信息"
        what="我的数据"
      >
        {(data) => (
          <>
            <Text className="section-title">登录方式</Text>
            <View className="card my-data__list">
              {data.identities.map((i) => (
                <View key={`${i.kind}-${i.valueMasked}`} className="my-data__row">
                  <Text className="my-data__name">{identityNames[i.kind]}</Text>
                  <Text className="my-data__value">
                    {i.valueMasked} · {day(i.linkedAt)}
                  </Text>
                </View>
              ))}
            </View>
            <Text className="section-title">绑定的户号</Text>
            <View className="card my-data__list">
              {data.bindings.length === 0 ? (
                <Text className="my-data__value">没有绑定户号</Text>
              ) : null}
              {data.bindings.map((b) => (
                <View key={b.accountNoMasked + b.boundAt} className="my-data__row">
                  <Text className="my-data__name">
                    {b.label ?? '未命名'}（{b.role === 'owner' ? '户主身份' : '家人'}）
                  </Text>
                  <Text className="my-data__value">
                    {b.accountNoMasked} · {day(b.boundAt)} 绑定
                  </Text>
                </View>
              ))}
            </View>
            <Text className="section-title">其他</Text>
            <View className="card">
              <Text className="card__text">
                账号创建于 {day(data.user.createdAt)}；当前有 {data.activeSessions} 处登录。
              </Text>
              {data.notes.map((note) => (
                <Text key={note} className="card__text my-data__note">
                  {note}
                </Text>
              ))}
            </View>
            <View className="my-data__actions">
              <ActionButton
                variant="secondary"
                onClick={() => void logout().finally(() => openPage(pages.home))}
              >
                退出登录
              </ActionButton>
              <ActionButton
                main
                variant="secondary"
                className="my-data__erase"
                onClick={() => void erase.run()}
              >
                注销账号
              </ActionButton>
            </View>
            <Text className="my-data__hint" {...a11y(undefined, 'note')}>
              注销前请先处理未完成的缴费或报修。
            </Text>
          </>
        )}
      </PageShell>
    </PageRoot>
  )
}
