export default definePageConfig({ navigationBarTitleText: '安全提示' })
