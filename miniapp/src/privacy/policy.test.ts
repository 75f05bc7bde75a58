import fs from 'node:fs'
import path from 'node:path'
import { personalDataUses, privacySections } from './policy'

/** Platform APIs that touch personal data or a device permission, as the platforms list them. */
const PRIVATE_APIS = [
  'chooseMedia',
  'chooseImage',
  'compressImage',
  'uploadFile',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'chooseAddress',
  'getRecorderManager',
  'startRecord',
  'setClipboardData',
  'getClipboardData',
  'getPhoneNumber',
  'getUserProfile',
  'scanCode',
  'requestSubscribeMessage',
]

const root = path.resolve(__dirname, '..')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

function apisCalled(): Set<string> {
  const called = new Set<string>()
  const pattern = new RegExp(`\\b(?:Taro|wx|my)\\.(${PRIVATE_APIS.join('|')})\\b`, 'g')
  for (const file of sources(root)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(pattern)) called.add(match[1] ?? '')
  }
  return called
}

describe('隐私政策 and the private-data APIs the app calls', () => {
  const called = apisCalled()

  test('when the app calls a private-data API, then the 隐私政策 says what it is for', () => {
    const declared = new Set(personalDataUses.flatMap((use) => use.apis))
    expect([...called].filter((api) => !declared.has(api))).toEqual([])
  })

  test('when the app calls a private-data API, then docs/privacy.md lists it for the platform forms', () => {
    const doc = fs.readFileSync(path.resolve(root, '..', '..', 'docs', 'privacy.md'), 'utf8')
    expect([...called].filter((api) => !doc.includes(`\`${api}\``))).toEqual([])
  })

  test('when the policy is shown, then it names the utility and how to reach it', () => {
    const text = privacySections({
      utilityName: '某市燃气热力有限公司',
      address: '某路 1 号',
      privacyEmail: 'privacy@gas.example.cn',
      servicePhone: '96777',
      policyVersion: '2026-12-06',
    })
      .flatMap((section) => section.paragraphs)
      .join('')
    expect(text).toContain('某市燃气热力有限公司')
    expect(text).toContain('privacy@gas.example.cn')
    expect(text).toContain('96777')
  })
})
