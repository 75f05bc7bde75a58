export default definePageConfig({ navigationBarTitleText: '账单', enableShareAppMessage: true })
