export default definePageConfig({ navigationBarTitleText: '交燃气费' })
