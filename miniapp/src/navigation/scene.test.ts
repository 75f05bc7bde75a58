import { sceneLanding, sceneOf } from './scene'

const token = 'AbCdEfGhIjKlMnOp.qRsTuVwXyZ_-'

describe('reading the scene a mini-program code opened the app with', () => {
  test('when the scene arrives URL-encoded, then it is decoded to the link token', () => {
    expect(sceneOf({ scene: encodeURIComponent(token).replace('.', '%2E') })).toBe(token)
  })

  test('when the scene arrives as is (the H5 QR code), then it is taken as it is', () => {
    expect(sceneOf({ scene: token, elder: '1' })).toBe(token)
  })

  test('when there is no scene, then the page starts as usual', () => {
    expect(sceneOf({})).toBeUndefined()
    expect(sceneOf(undefined)).toBeUndefined()
    expect(sceneOf({ scene: '' })).toBeUndefined()
  })

  test('when the scene is not a link token, then the page starts as usual', () => {
    expect(sceneOf({ scene: 'a=1&b=2' })).toBeUndefined()
    expect(sceneOf({ scene: `${token}x` })).toBeUndefined()
    expect(sceneOf({ scene: 42 })).toBeUndefined()
  })

  test('when the scene is garbled percent-encoding, then the page starts as usual', () => {
    expect(sceneOf({ scene: '%E0%A4%A' })).toBeUndefined()
  })
})

describe('following where the BFF says a scene leads', () => {
  test('when it is a page of the app with its query, then that page is opened', () => {
    const path = `/pages/bind/index?agentLink=${token}`
    expect(sceneLanding(path)).toBe(path)
  })

  test('when it is anything but a page of the app, then it is not followed', () => {
    expect(sceneLanding('https://example.com/pages/bind/index')).toBeUndefined()
    expect(sceneLanding('//example.com/x')).toBeUndefined()
    expect(sceneLanding('/pages/bind/index?x=<script>')).toBeUndefined()
  })
})
