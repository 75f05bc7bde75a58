export default definePageConfig({ navigationBarTitleText: '过户·销户·信息变更' })
