export default definePageConfig({
  navigationBarTitleText: '燃气·供热 掌上营业厅',
})
