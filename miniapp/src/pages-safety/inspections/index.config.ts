export default definePageConfig({ navigationBarTitleText: '入户安检' })
