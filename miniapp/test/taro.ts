import * as h5 from '@tarojs/taro-h5'

/*
 * Tests use Taro's H5 API, as the browser build does. The build's Babel plugin turns
 * `Taro.setStorageSync` into a named import; here the default export gets the named APIs.
 */
const Taro = { ...h5.default, ...h5 }

export * from '@tarojs/taro-h5'
export default Taro
