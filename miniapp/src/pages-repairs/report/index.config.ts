export default definePageConfig({ navigationBarTitleText: '填写报修', enableShareAppMessage: true })
