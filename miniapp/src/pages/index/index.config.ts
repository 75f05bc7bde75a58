export default definePageConfig({
  navigationBarTitleText: '燃气·供热 掌上营业厅',
  // 请家人帮忙 and the share menu send this page (see PageRoot's `share`).
  enableShareAppMessage: true,
})
