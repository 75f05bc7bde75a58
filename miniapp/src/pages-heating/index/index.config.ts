export default definePageConfig({ navigationBarTitleText: '供暖' })
