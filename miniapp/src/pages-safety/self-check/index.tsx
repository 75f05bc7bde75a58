import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { SelfCheck } from '@gh/shared'
import { a11y } from '../../a11y'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountPageShell } from '../../account/account-page-shell'
import { useCurrentAccount } from '../../account/current-account'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { ChoiceChips } from '../../components/choice-chips'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useElderMode } from '../../elder'
import { useAction } from '../../hooks/use-action'
import { useQuery } from '../../hooks/use-query'
import { openPage, pages } from '../../navigation/pages'
import { attemptFor, type KeyedAttempt } from '../../payments'
import {
  ALARM_PRESENT,
  ALARM_WORKING,
  FLAME_FAILURE,
  HOSE_TYPES,
  VENTING,
  answersOf,
  draftOf,
  type Draft,
} from './answers'
import { loadSelfCheck, saveSelfCheck, selfCheckKey } from './api'
import { MonthField } from './month-field'
import { selfCheckSpeech } from './speech'
import './index.scss'

function dayText(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** What the saved answers show: each risk and why, service lives, and the inspection offer. */
function Result({ accountNo, check }: { accountNo: string; check: SelfCheck }) {
  return (
    <View className="card self-check-result" {...a11y(undefined, 'region')} aria-label="自查结果">
      <Text className="card__title">自查结果</Text>
      {check.risks.length === 0 ? (
        <Text className="self-check-result__ok">✓ 没有发现明显隐患，请继续保持</Text>
      ) : (
        check.risks.map((risk) => (
          <View key={`${risk.item}-${risk.title}`} className="self-check-risk">
            <Text className="self-check-risk__title">⚠ {risk.title}</Text>
            <Text className="self-check-risk__why">{risk.why}</Text>
          </View>
        ))
      )}
      {check.serviceLife.map((s) => (
        <Text key={s.item} className={`self-check-life${s.due ? ' self-check-life--due' : ''}`}>
          {s.due
            ? `${s.label}：已到使用年限，请尽快更换`
            : `${s.label}：${dayText(s.dueOn)}到使用年限`}
        </Text>
      ))}
      {check.suggestInspection ? (
        <View className="self-check-result__action">
          <ActionButton
            main
            onClick={() => openPage(`${pages.safetyInspections}?accountNo=${accountNo}`)}
          >
            预约上门安检
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}

function Questions({ accountNo, check }: { accountNo: string; check: SelfCheck }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(check.answers))
  const [missing, setMissing] = useState<string | null>(null)
  const attempt = useRef<KeyedAttempt<string>>()
  const set = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }))
    setMissing(null)
  }
  const save = useAction(async () => {
    const answers = answersOf(draft, check.asks)
    if (typeof answers === 'string') {
      setMissing(answers)
      return
    }
    attempt.current = attemptFor(attempt.current, JSON.stringify(answers))
    await saveSelfCheck(accountNo, answers, attempt.current.key)
  })
  return (
    <View className="card self-check-form">
      <Text className="card__title">燃气报警器</Text>
      <ChoiceChips
        label="家里装了燃气报警器吗？"
        choices={ALARM_PRESENT}
        value={draft.alarmPresent}
        onChange={(v) => set({ alarmPresent: v })}
      />
      {draft.alarmPresent === '已安装' ? (
        <>
          <ChoiceChips
            label="按一下自检按钮，灯亮、会响吗？"
            choices={ALARM_WORKING}
            value={draft.alarmWorking}
            onChange={(v) => set({ alarmWorking: v })}
          />
          <MonthField
            label="报警器安装时间"
            value={draft.alarmMonth}
            onChange={(v) => set({ alarmMonth: v })}
          />
        </>
      ) : null}
      <Text className="card__title self-check-form__group">软管</Text>
      <ChoiceChips
        label="灶具和燃气管之间是哪种软管？"
        choices={HOSE_TYPES}
        value={draft.hoseType}
        onChange={(v) => set({ hoseType: v })}
      />
      <Text className="self-check-form__hint">
        金属波纹管是银色、一节一节的；橡胶软管是黑色或橙色的胶管
      </Text>
      {draft.hoseType && draft.hoseType !== '不清楚' ? (
        <MonthField
          label="软管安装时间"
          value={draft.hoseMonth}
          onChange={(v) => set({ hoseMonth: v })}
        />
      ) : null}
      {check.asks.stove ? (
        <>
          <Text className="card__title self-check-form__group">灶具</Text>
          <ChoiceChips
            label="灶具有熄火保护吗？"
            choices={FLAME_FAILURE}
            value={draft.flameFailure}
            onChange={(v) => set({ flameFailure: v })}
          />
          <Text className="self-check-form__hint">
            点火时要按住旋钮几秒火才不灭的，一般就是有熄火保护
          </Text>
        </>
      ) : null}
      {check.asks.waterHeater ? (
        <>
          <Text className="card__title self-check-form__group">热水器</Text>
          <ChoiceChips
            label="热水器怎么排烟？"
            choices={VENTING}
            value={draft.venting}
            onChange={(v) => set({ venting: v })}
          />
        </>
      ) : null}
      {missing ? (
        <Text className="self-check-form__missing" {...a11y(undefined, 'alert')}>
          {missing}
        </Text>
      ) : null}
      <View className="self-check-form__action">
        <ActionButton main onClick={() => void save.run()}>
          {save.busy ? '正在保存…' : '保存自查结果'}
        </ActionButton>
      </View>
    </View>
  )
}

function SelfCheckBody(props: { accountNo: string; onLoaded: (data: SelfCheck) => void }) {
  const { accountNo, onLoaded } = props
  const { state, retry } = useQuery(selfCheckKey(accountNo), () => loadSelfCheck(accountNo))
  return (
    <PageShell state={state} onRetry={retry} what="安全自查">
      {(check) => {
        // What 朗读 reads: the answer on screen, also after a save replaced it.
        onLoaded(check)
        return (
          <>
            {check.appliances.length > 0 ? (
              <View className="card self-check-appliances">
                <Text className="card__title">您家登记的燃气设备</Text>
                {check.appliances.map((a) => (
                  <Text key={`${a.kind}-${a.model}`} className="card__text">
                    {a.label}：{a.model}（{a.installedOn.slice(0, 4)}年安装）
                  </Text>
                ))}
              </View>
            ) : null}
            <Questions accountNo={accountNo} check={check} />
            {/* Under the button it was saved with, where the eye goes next. */}
            {check.answers ? <Result accountNo={accountNo} check={check} /> : null}
          </>
        )
      }}
    </PageShell>
  )
}

/**
 * 安全自查 for the current account: a few questions about the home's gas alarm, hose, stove
 * and water heater (only what the home has), the risks the answers show and why, when each
 * reaches its service life, and the offer to book an inspection.
 */
export default function SelfCheckPage() {
  const loggedIn = useLoggedIn()
  const { elder } = useElderMode()
  useAccountFromLink()
  const accounts = useCurrentAccount()
  const shown = useRef<SelfCheck | undefined>(undefined)
  return (
    <PageRoot>
      <PageHeading
        title="安全自查"
        {...(elder ? {} : { subtitle: '几个问题，查查家里用气安全' })}
      />
      <ReadAloudBar what="安全自查" text={() => selfCheckSpeech(loggedIn, shown.current)} />
      <AccountPageShell
        accounts={accounts}
        records={false}
        loginHint="登录并绑定户号后，可以做安全自查"
        unboundHint="绑定燃气户号后，可以按家里的燃气设备做安全自查。"
      >
        {(account) => (
          <SelfCheckBody
            key={account.accountNo}
            accountNo={account.accountNo}
            onLoaded={(data) => {
              shown.current = data
            }}
          />
        )}
      </AccountPageShell>
    </PageRoot>
  )
}
