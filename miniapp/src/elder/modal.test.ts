import { readFileSync } from 'node:fs'
import path from 'node:path'
import Taro from '@tarojs/taro'
import { showMessage, showModal } from './modal'

afterEach(() => {
  jest.restoreAllMocks()
  document.querySelector('.taro__modal')?.remove()
})

const taroModal = () => jest.spyOn(Taro, 'showModal')

test('when a destructive question is asked, then both buttons show, the confirm one in red, and only it answers yes', async () => {
  const modal = taroModal().mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' })
  const answer = await showModal({
    title: '解绑户号',
    content: '解绑后将不能再为它交费。',
    confirmText: '解绑',
    cancelText: '取消',
    danger: true,
  })
  expect(answer).toBe(true)
  expect(modal).toHaveBeenCalledWith(
    expect.objectContaining({
      showCancel: true,
      cancelText: '取消',
      confirmText: '解绑',
      confirmColor: '#b42318',
    }),
  )
  modal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'ok' })
  await expect(showModal({ title: '解绑户号', content: '…', cancelText: '取消' })).resolves.toBe(
    false,
  )
})

test('when a message is shown, then it has one 知道了 button', async () => {
  const modal = taroModal().mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' })
  await showMessage('没有成功', '网络不太好，请稍后再试')
  expect(modal).toHaveBeenCalledWith(
    expect.objectContaining({
      title: '没有成功',
      content: '网络不太好，请稍后再试',
      showCancel: false,
      confirmText: '知道了',
    }),
  )
})

test('when Taro’s H5 dialog opens, then it is a named modal dialog whose buttons a keyboard reaches, 取消 first', async () => {
  const answer = showModal({ title: '注销账号', content: '不能恢复。', cancelText: '取消' })
  const dialog = document.querySelector('.taro-modal__content')
  expect(dialog?.getAttribute('role')).toBe('dialog')
  expect(dialog?.getAttribute('aria-modal')).toBe('true')
  expect(dialog?.getAttribute('aria-label')).toBe('注销账号')
  const buttons = Array.from(document.querySelectorAll<HTMLElement>('.taro-model__btn'))
  expect(buttons.map((b) => [b.getAttribute('role'), b.tabIndex, b.textContent])).toEqual([
    ['button', 0, '取消'],
    ['button', 0, '知道了'],
  ])
  expect(document.activeElement).toBe(buttons[0])
  buttons[1]?.click()
  await expect(answer).resolves.toBe(true)
})

/*
 * The elderly-mode sizes live in modal.scss and work only while Taro's H5 dialog keeps its class
 * names; both are read here, since jsdom does not apply the stylesheet.
 */
describe('the H5 dialog in elderly mode', () => {
  const scss = readFileSync(path.join(__dirname, 'modal.scss'), 'utf8')
  const taroDir = path.dirname(require.resolve('@tarojs/taro-h5/package.json'))
  const taroSource = readFileSync(
    path.join(taroDir, 'dist', 'api', 'ui', 'interaction', 'modal.js'),
    'utf8',
  )
  const rule = (selector: string) => {
    const body = new RegExp(`${selector.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(scss)?.[1]
    if (body === undefined) throw new Error(`no rule for ${selector}`)
    return (property: string) =>
      Number(new RegExp(`(?:^|;|\\s)${property}:\\s*(\\d+)px\\s*!important`).exec(body)?.[1] ?? 0)
  }

  test('when elderly mode is on, then the text is at least 18 pt and the buttons at least 60 pt tall', () => {
    expect(rule('html.elder .taro-modal__text')('font-size')).toBeGreaterThanOrEqual(20)
    expect(rule('html.elder .taro-modal__title')('font-size')).toBeGreaterThanOrEqual(24)
    expect(rule('html.elder .taro-modal__foot')('font-size')).toBeGreaterThanOrEqual(20)
    expect(rule('html.elder .taro-modal__foot')('line-height')).toBeGreaterThanOrEqual(60)
  })

  test('when Taro draws its dialog, then it uses every class the stylesheet overrides', () => {
    const classes = new Set(Array.from(scss.matchAll(/\.(taro-mod\w+__\w+)/g), (m) => m[1]))
    expect(classes.size).toBeGreaterThanOrEqual(5)
    for (const name of classes) expect(taroSource).toContain(`'${name}`)
  })
})
