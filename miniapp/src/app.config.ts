export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/bills/index',
    'pages/repairs/index',
    // Before a leak or CO report: in the main package, so it opens at once.
    'pages/repairs/safety',
    'pages/me/index',
    'pages/login/index',
    'pages/accounts/index',
    'pages/bind/index',
    'pages/family/index',
    'pages/my-data/index',
    'pages/recharge/index',
    'pages/orders/index',
    'pages/orders/detail',
    'pages/share-pay/index',
    'pages/safety/index',
    'pages/safety/article',
    'pages/messages/index',
    'pages/messages/settings',
  ],
  subPackages: [
    // Read once, before consent and from 我的; kept out of the main package.
    { root: 'pages-legal', pages: ['privacy/index', 'terms/index'] },
    // 用量 draws its chart with ECharts: the library stays out of the main package.
    { root: 'pages-usage', pages: ['usage/index'] },
    // 报修 form, list and progress; fetched while the 报修 tab is open (preloadRule below).
    { root: 'pages-repairs', pages: ['report/index', 'list/index', 'detail/index'] },
    // 供暖: season, 报停 / 恢复供暖 and 室温投诉, for district-heating households only.
    { root: 'pages-heating', pages: ['index/index'] },
    // 过户 / 销户 / 信息变更, from 我的: rare, so out of the main package.
    { root: 'pages-account-changes', pages: ['index/index'] },
    // 安全自查 and 入户安检 (复检 of a suspended account), from 安全用气 and 首页.
    { root: 'pages-safety', pages: ['self-check/index', 'inspections/index'] },
    // 报装 and 通气点火; 一键求助 history and settings (its button is in the main package).
    { root: 'pages-service', pages: ['connection/index', 'help/index'] },
    // 客服工作台 for agents (used in the H5 build): its own login and session, apart from residents'.
    {
      root: 'pages-agent',
      pages: ['login/index', 'index/index', 'account/index', 'tasks/index', 'audit/index'],
    },
  ],
  preloadRule: { 'pages/repairs/index': { network: 'all', packages: ['pages-repairs'] } },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f7',
    navigationBarBackgroundColor: '#0f5bc4',
    navigationBarTitleText: '燃气·供热 掌上营业厅',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    // 长辈模式 needs a bigger tab bar than the native one can be: WeChat and Alipay render
    // custom-tab-bar/ (customize-tab-bar/ on Alipay); H5 keeps Taro's bar, sized in app.scss.
    // The list below still names the tab pages and is the fallback on old base libraries.
    ...(process.env.TARO_ENV === 'h5' ? {} : { custom: true }),
    color: '#4a4f57',
    selectedColor: '#0f5bc4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/bills/index',
        text: '账单',
        iconPath: 'assets/tab/bills.png',
        selectedIconPath: 'assets/tab/bills-active.png',
      },
      {
        pagePath: 'pages/repairs/index',
        text: '报修',
        iconPath: 'assets/tab/repairs.png',
        selectedIconPath: 'assets/tab/repairs-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  // WeChat only: 微信同声传译 for read-aloud and voice input (miniapp/src/voice/voice.weapp.ts).
  // The AppID must also add the plugin in the admin console (设置 → 第三方设置 → 插件管理).
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } },
        // 营业网点 nearest first (pages/safety): WeChat refuses a location API without both.
        requiredPrivateInfos: ['getFuzzyLocation'],
        permission: { 'scope.userLocation': { desc: '用于查找离您最近的营业网点和写卡点' } },
        // Pages load their components when first shown, not all at launch.
        lazyCodeLoading: 'requiredComponents',
        // Only public pages may be indexed by WeChat search; see sitemap.json.
        sitemapLocation: 'sitemap.json',
      }
    : {}),
  // Alipay: private-data APIs wait for consent to the 隐私政策 (answered by PrivacyPrompt).
  ...(process.env.TARO_ENV === 'alipay' ? { usePrivacyCheck: true } : {}),
})
