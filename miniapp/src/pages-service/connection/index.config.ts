export default definePageConfig({ navigationBarTitleText: '燃气报装' })
