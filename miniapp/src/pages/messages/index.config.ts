export default definePageConfig({ navigationBarTitleText: '站内消息' })
