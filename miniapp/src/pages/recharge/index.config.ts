export default definePageConfig({
  navigationBarTitleText: '交燃气费',
  // The share menu and 请家人代缴's 发给家人 button send a card (see the page's `share`).
  enableShareAppMessage: true,
})
