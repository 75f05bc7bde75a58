import { speakAmountFen, speakDate, speakDigits } from '@gh/shared'
import type { HomeBalance, HomeHeating, SupplyNotice } from '@gh/shared'
import { sentence, speakCount, speakPhone, speakShownText } from '../../voice/spoken-text'
import {
  heatingState,
  meterNote,
  type HomeCard,
  type Headline,
  type HomeView,
  type Lateness,
} from './home-view'

/*
 * What 朗读 says on the home page, in the order the page shows it: the account, the one number
 * that matters and its button, 报修, then each card. Numbers go through the shared speech
 * formatter and every text from the BFF through speakShownText, so nothing is read as digits.
 */

export interface HomeFacts {
  loggedIn: boolean
  /** The bound accounts have not arrived (yet). */
  accountsLoading?: boolean
  /** The current account as the switcher shows it; absent when none is bound. */
  account?: { title: string; accountNo: string }
  /** What the page shows for the account and when the BFF answered; absent while loading. */
  home?: { view: HomeView; asOf: string }
  servicePhone?: string
}

const HEAD = '燃气·供热掌上营业厅。'

const said = (text: string) => sentence(speakShownText(text))

/** A balance may be below zero (an IC card used past its credit): said as 欠, never "负". */
function balanceWords(balanceFen: number): string {
  return balanceFen < 0
    ? `余额不足，已欠${speakAmountFen(-balanceFen)}`
    : `余额${speakAmountFen(balanceFen)}`
}

export function latenessSpeech(lateness: Lateness): string {
  if (lateness.overdue) return lateness.days ? `已逾期${speakCount(lateness.days)}天` : '已逾期'
  return lateness.payBy ? `请在${speakDate(lateness.payBy)}前缴清` : ''
}

/** '约可用十二天，按近期每天的用气量估算' and why the number may be old. */
export function balanceBasisSpeech(balance: HomeBalance): string {
  const parts = [
    balance.daysOfGas === null
      ? '近期没有用气记录，暂时算不出可用天数'
      : `约可用${speakCount(balance.daysOfGas)}天，按近期每天的用气量估算`,
  ]
  const note = meterNote(balance)
  if (note) parts.push(speakShownText(note))
  return parts.join('，')
}

export function headlineSpeech(headline: Headline): string {
  switch (headline.kind) {
    case 'owed': {
      const { due, lateness } = headline
      const late = latenessSpeech(lateness)
      const fee = due.lateFeeFen > 0 ? `其中滞纳金${speakAmountFen(due.lateFeeFen)}。` : ''
      const what = lateness.overdue ? '欠费' : '应缴金额'
      return `${what}${speakAmountFen(due.amountDueFen)}。${late ? `${late}。` : ''}${fee}缴费请点“立即缴费”。`
    }
    case 'balance': {
      const { balance } = headline
      return `${balanceWords(balance.balanceFen)}，${balanceBasisSpeech(balance)}。充值请点“充值”。`
    }
    case 'clear':
      return '目前没有欠费。'
    case 'unavailable':
      return `${headline.section === 'balance' ? '余额' : '欠费'}暂时无法显示：${said(headline.message)}可以点“重试”。`
  }
}

export function heatingSpeech(heating: HomeHeating, asOf: string): string {
  const season = `本供暖季从${speakDate(heating.seasonStartsOn)}到${speakDate(heating.seasonEndsOn)}`
  return `供暖：${season}，${heatingState(heating, asOf)}。供暖费${speakAmountFen(heating.seasonFeeFen)}。`
}

export function noticeLine(notice: SupplyNotice): string {
  const kind = notice.kind === 'gas' ? '停气' : '停暖'
  const when = notice.status === 'in_progress' ? '正在进行' : '即将开始'
  return (
    `${kind}通知：${said(notice.title)}${when}，` +
    `从${speakDate(notice.startsAt)}到${speakDate(notice.endsAt)}。影响范围：${said(notice.scope)}`
  )
}

function cardSpeech(card: HomeCard, asOf: string): string {
  switch (card.kind) {
    case 'unavailable':
      return `${card.title}暂时无法显示：${said(card.message)}`
    case 'suspended':
      return '该户已停止供气，停气期间不能在线充值。安检不合格停气的，整改后请点“查看安检结果，预约复检”，复检合格即恢复供气。'
    case 'due': {
      if (card.due.amountDueFen <= 0) return '目前没有欠费。'
      const late = latenessSpeech(card.lateness)
      const what = card.lateness.overdue ? '欠费' : '应缴金额'
      return `${what}${speakAmountFen(card.due.amountDueFen)}${late ? `，${late}` : ''}。`
    }
    case 'balance':
      return `${balanceWords(card.balance.balanceFen)}，${balanceBasisSpeech(card.balance)}。`
    case 'supplyStop':
      return noticeLine(card.notice)
    case 'topUp':
      return `最近一次充值${speakAmountFen(card.order.amountFen)}：${said(card.order.stateLabel)}`
    case 'repair': {
      const { repair } = card
      const eta = repair.etaAt ? `预计${speakDate(repair.etaAt)}。` : ''
      return `报修：${said(repair.title)}进度：${said(repair.statusLabel)}${eta}`
    }
    case 'bill':
      return (
        `最新账单：${said(card.bill.title)}` +
        `金额${speakAmountFen(card.bill.amountFen)}，${card.bill.statusLabel}。`
      )
    case 'heating':
      return heatingSpeech(card.heating, asOf)
  }
}

export function homeSpeech(facts: HomeFacts): string {
  const parts: string[] = [HEAD]
  if (!facts.loggedIn) {
    parts.push('在这里可以交燃气费、交暖气费、查账单、报修。登录后可以查看您家的余额和账单。')
    parts.push('请点“去登录”。')
  } else if (facts.accountsLoading) {
    parts.push('户号正在加载，请稍后再点朗读。')
  } else if (!facts.account) {
    parts.push('您还没有绑定户号。绑定后可以在这里查看余额、欠费和通知。请点“去绑定户号”。')
  } else {
    const { account, home } = facts
    parts.push(`当前户号：${account.title}，${speakDigits(account.accountNo)}。`)
    if (!home) {
      parts.push('本户的余额和欠费正在加载，请稍后再点朗读。')
    } else {
      parts.push(headlineSpeech(home.view.headline), '需要报修，请点“报修”。')
      parts.push(...home.view.cards.map((card) => cardSpeech(card, home.asOf)))
    }
  }
  if (facts.servicePhone) parts.push(`客服电话：${speakPhone(facts.servicePhone)}。`)
  return parts.join('')
}
