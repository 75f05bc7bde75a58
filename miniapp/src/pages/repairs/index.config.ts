export default definePageConfig({ navigationBarTitleText: '报修', enableShareAppMessage: true })
