import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { AccountSwitcher } from '../account/account-switcher'
import { AmountPresets } from '../components/amount-presets'
import { HelpBar } from '../components/help-bar'
import { ReadAloud } from '../components/read-aloud'
import { VoiceInput } from '../components/voice-input'
import { ElderProvider } from '../elder'
import { AccountCard } from '../pages/accounts/parts/account-card'
import { BillItem } from '../pages/bills/parts/bill-item'
import { HomeHeader } from '../pages/index/parts/home-header'
import { ServiceEntries } from '../pages/index/parts/service-entries'
import { AccountLinks } from '../pages/me/parts/account-links'
import { ElderSwitch } from '../pages/me/parts/elder-switch'
import { OrderRow } from '../pages/orders/parts/order-row'
import { memoryStore } from '../platform/storage'
import { fakeVoice } from '../voice/fake-voice'
import { aBill, aBoundAccount as account, anOrder } from '../../test/fixtures'
import { labelInNameProblems } from './label-in-name'

function inMode(elder: boolean, children: ReactNode) {
  return render(
    <ElderProvider
      store={memoryStore()}
      readLinkFlag={() => elder}
      readPlatformLargeFont={() => undefined}
    >
      {children}
    </ElderProvider>,
  )
}

const bill = aBill()
const order = anOrder({
  state: 'CREDITED',
  stateLabel: '气表已到账',
  hint: null,
  timeline: [],
})

test('when a name leaves out the word a control shows, then the check reports it', () => {
  const { container } = render(
    <div role="button" aria-label="语音输入：故障描述">
      <span>说话</span>
    </div>,
  )
  expect(labelInNameProblems(container)).toEqual(['语音输入：故障描述 ≠ 说话'])
})

describe('every control’s accessible name starts with the words it shows', () => {
  test('when the voice input is idle, listening and asking to confirm, then each button is named by its words', async () => {
    const fake = fakeVoice()
    const { container } = render(
      <VoiceInput prompt="故障描述" onConfirm={jest.fn()} voice={fake.voice} />,
    )
    expect(screen.getByRole('button', { name: '说话（语音输入：故障描述）' })).toBeTruthy()
    expect(labelInNameProblems(container)).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: /^说话/ }))
    expect(labelInNameProblems(container)).toEqual([])
    await act(async () => fake.hear('暖气片不热'))
    expect(labelInNameProblems(container)).toEqual([])
  })

  test.each([false, true])(
    'when the home page shows (elderly mode %s), then the mode pill and the service entries are named by their words',
    (elder) => {
      const { container } = inMode(
        elder,
        <>
          <HomeHeader />
          <ServiceEntries />
        </>,
      )
      expect(labelInNameProblems(container)).toEqual([])
      expect(screen.getByRole('button', { name: /^安全用气/ })).toBeTruthy()
      expect(
        screen.getByRole('button', { name: elder ? /^标准模式（/ : /^长辈模式（/ }),
      ).toBeTruthy()
    },
  )

  test('when the account switcher is open, then each account is named by its title and number', () => {
    const { container } = render(
      <AccountSwitcher
        accounts={[account('1000000001', '我家', true), account('1000000008', '父母家')]}
        current={account('1000000001', '我家', true)}
        onSelect={jest.fn()}
        onManage={jest.fn()}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: /^切换户号/ }))
    expect(labelInNameProblems(container)).toEqual([])
  })

  test('when a bill row, an order row and the amount choices show, then each is named by its words', () => {
    const { container } = render(
      <>
        <BillItem bill={bill} open={false} onToggle={jest.fn()} />
        <BillItem bill={{ ...bill, billId: 'b2' }} open onToggle={jest.fn()} />
        <OrderRow order={order} onOpen={jest.fn()} />
        <AmountPresets
          presets={[
            { amountFen: 10000, allowed: true, daysOfGas: 25 },
            { amountFen: 500000, allowed: false, daysOfGas: null },
          ]}
          selectedFen={10000}
          onSelect={jest.fn()}
        />
      </>,
    )
    expect(labelInNameProblems(container)).toEqual([])
    expect(screen.getByRole('button', { name: /未缴\s*明细/ })).toBeTruthy()
    expect(screen.getByRole('radio', { name: /^¥100\s*约可用25天/ })).toBeTruthy()
  })

  test('when 我的 and an account card show, then rows, the switch and short buttons are named by their words', () => {
    const { container } = inMode(
      true,
      <>
        <AccountLinks />
        <ElderSwitch />
        <AccountCard
          account={account('1000000008', '父母家')}
          isCurrent={false}
          onSelect={jest.fn()}
          onMakeDefault={jest.fn()}
          onRename={jest.fn()}
          onFamily={jest.fn()}
          onUnbind={jest.fn()}
        />
        <HelpBar />
        <ReadAloud text={() => '我的。'} what="我的" voice={fakeVoice().voice} />
      </>,
    )
    expect(labelInNameProblems(container)).toEqual([])
    expect(screen.getByRole('button', { name: '切换到此户号（父母家）' })).toBeTruthy()
    expect(screen.getByRole('switch', { name: /^长辈模式/ })).toBeTruthy()
  })
})
