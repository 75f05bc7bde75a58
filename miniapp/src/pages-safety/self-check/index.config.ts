export default definePageConfig({ navigationBarTitleText: '安全自查' })
