import { releaseProblems } from '../../config/release'

const good = {
  platform: 'weapp',
  apiBase: 'https://api.gas.example.cn/api/v1',
  weappAppId: 'wx0123456789abcdef',
}

describe('release build guard', () => {
  it('when the API base is https and the AppID is real, then nothing stops the release', () => {
    expect(releaseProblems(good)).toEqual([])
    expect(releaseProblems({ ...good, platform: 'alipay', weappAppId: 'touristappid' })).toEqual([])
  })

  it('when the API base is plain http or this machine, then the release is refused', () => {
    expect(releaseProblems({ ...good, apiBase: 'http://api.gas.example.cn/api/v1' })).toEqual([
      expect.stringContaining('must be https'),
    ])
    expect(releaseProblems({ ...good, apiBase: 'https://127.0.0.1:3000/api/v1' })).toEqual([
      expect.stringContaining('points at this machine'),
    ])
    expect(releaseProblems({ ...good, apiBase: 'not a url' })).toEqual([
      expect.stringContaining('is not a URL'),
    ])
  })

  it('when the weapp build still carries the tourist AppID, then the release is refused', () => {
    expect(releaseProblems({ ...good, weappAppId: 'touristappid' })).toEqual([
      expect.stringContaining('touristappid'),
    ])
  })
})
