import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AgentTaskKind, SentAgentTask } from '@gh/shared'
import { a11y } from '../../../a11y'
import { randomKey } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { FormField } from '../../../components/form-field'
import { useAction } from '../../../hooks/use-action'
import { createTask } from '../../workbench/api'
import {
  kindOfLabel,
  shortTime,
  targetFields,
  taskKindLabels,
  taskKinds,
} from '../../workbench/labels'
import { agentPages, goTo } from '../../workbench/pages'

async function copy(data: string, what: string): Promise<void> {
  await Taro.setClipboardData({ data })
  await Taro.showToast({ title: `${what}已复制`, icon: 'none' }).catch(() => undefined)
}

/** What the agent sends: the H5 link (SMS, chat), the mini-program path and the code to scan. */
function SentTask({ task }: { task: SentAgentTask }) {
  // The mini-program code opens the app in WeChat; the QR code opens the H5 page anywhere.
  const codes = [
    ...(task.wxaCodePng
      ? [{ src: task.wxaCodePng, name: '小程序码，请居民用微信扫一扫', caption: '微信扫一扫' }]
      : []),
    { src: task.qrPng, name: '二维码，请居民用手机扫一扫', caption: '手机相机扫一扫' },
  ]
  return (
    <View className="card" {...a11y(undefined, 'status')}>
      <Text className="card__title">已生成任务：{taskKindLabels[task.kind]}</Text>
      <Text className="card__text">
        {shortTime(task.expiresAt)} 前有效，居民打开、完成后在“我的任务”里可以看到。
      </Text>
      <Text className="card__text">H5 链接（发短信或聊天）</Text>
      <Text className="agent-link-text" selectable>
        {task.h5Url}
      </Text>
      <Text className="card__text">小程序路径</Text>
      <Text className="agent-link-text" selectable>
        {task.miniProgramPath}
      </Text>
      <View className="agent-actions">
        <ActionButton variant="secondary" onClick={() => void copy(task.h5Url, '链接')}>
          复制链接
        </ActionButton>
        <ActionButton
          variant="secondary"
          onClick={() => void copy(task.miniProgramPath, '小程序路径')}
        >
          复制小程序路径
        </ActionButton>
      </View>
      <View className="agent-qr">
        {codes.map((code) => (
          <View key={code.name} className="agent-qr__code">
            <Image
              className="agent-qr__image"
              src={code.src}
              mode="aspectFit"
              // Taro's H5 Image passes nativeProps on to its inner <img>, which needs the alt.
              {...(process.env.TARO_ENV === 'h5'
                ? { nativeProps: { alt: code.name } }
                : a11y(code.name))}
            />
            <Text className="agent-note">{code.caption}</Text>
          </View>
        ))}
      </View>
      <View className="agent-actions">
        <ActionButton onClick={() => goTo(agentPages.tasks)}>查看我的任务</ActionButton>
      </View>
    </View>
  )
}

/** 发送任务: what the resident should do; the answer is the link, shown once. */
export function TaskForm({ accountNo }: { accountNo: string }) {
  const [kind, setKind] = useState<AgentTaskKind | undefined>()
  const [target, setTarget] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [sent, setSent] = useState<SentAgentTask | undefined>()
  // One key per task being sent: a retry after a lost answer gets the same task back.
  const key = useRef(randomKey())

  const chooseKind = (label: string | undefined) => {
    setKind(kindOfLabel(label))
    setTarget('')
    setError(undefined)
  }

  const field = kind ? targetFields[kind] : undefined
  const send = useAction(
    async () => {
      if (!kind) return setError('请先选择任务类型')
      const text = target.trim()
      if (field?.required && text === '') return setError(`请填写${field.label}`)
      setError(undefined)
      const task = await createTask({
        accountNo,
        kind,
        ...(field && text ? { target: text } : {}),
        idempotencyKey: key.current,
      })
      key.current = randomKey()
      setSent(task)
    },
    { onError: (err) => setError(err.message) },
  )

  return (
    <>
      <View className="card">
        <Text className="card__title">发送任务</Text>
        <Text className="card__text">居民打开链接后，会绑定这个户号并直接进入对应页面。</Text>
        <ChoiceChips
          label="任务类型"
          choices={taskKinds.map((k) => taskKindLabels[k])}
          value={kind ? taskKindLabels[kind] : undefined}
          onChange={chooseKind}
        />
        {field ? (
          <FormField
            label={field.label}
            value={target}
            onChange={setTarget}
            maxLength={64}
            placeholder={field.required ? '请填写编号' : '可不填'}
          />
        ) : null}
        {error ? (
          <Text className="agent-error" {...a11y(undefined, 'alert')}>
            ⚠ {error}
          </Text>
        ) : null}
        <View className="agent-actions">
          <ActionButton main onClick={() => void send.run()}>
            {send.busy ? '正在生成…' : '生成任务链接'}
          </ActionButton>
        </View>
      </View>
      {sent ? <SentTask task={sent} /> : null}
    </>
  )
}
