export default definePageConfig({ navigationBarTitleText: '安全用气' })
