/**
 * The 用户协议 and 隐私政策 as the app shows them. The personal-data list is also the text for
 * the platforms' privacy forms (docs/privacy.md says the same; a test keeps them in step with
 * the platform APIs the code calls).
 */

export interface LegalFacts {
  utilityName: string
  address: string
  privacyEmail: string
  servicePhone: string
  policyVersion: string
}

export interface LegalSection {
  heading: string
  paragraphs: string[]
}

export interface PersonalDataUse {
  /** What is collected, as the resident would say it. */
  what: string
  /** Why, and when it is asked for. */
  why: string
  /** The platform APIs involved (for reviewers; not shown in the app). */
  apis: readonly string[]
}

export const personalDataUses: readonly PersonalDataUse[] = [
  {
    what: '手机号',
    why: '用于短信验证码登录、绑定户号时核对户主预留手机号，以及您同意后发送账单、停气和报修进度短信。',
    apis: [],
  },
  {
    what: '户号、地址、用气用热和缴费记录',
    why: '由燃气热力公司的业务系统提供，用于查询账单、充值缴费、报修和停气通知；页面上的姓名、手机号和地址均部分隐藏。',
    apis: [],
  },
  {
    what: '照片（相机或相册）',
    why: '仅在您报修或申请业务时主动选择照片后上传，用于师傅了解故障或核对证件；上传前去除照片中的位置等拍摄信息。',
    apis: ['chooseMedia', 'chooseImage', 'compressImage', 'uploadFile'],
  },
  {
    what: '相机（扫码）',
    why: '仅在您点“扫码”时打开，读取账单或燃气卡上的户号二维码；不拍照、不保存图像。',
    apis: ['scanCode'],
  },
  {
    what: '大致位置',
    why: '仅在您点“按距离排列”时获取，用于找到离您最近的营业网点和写卡点；使用模糊位置，不保存。',
    apis: ['getFuzzyLocation', 'getLocation'],
  },
  {
    what: '麦克风（语音输入）',
    why: '仅在您按住“说话”时录音，转成文字填入报修描述等输入框；录音不保存。',
    apis: ['WechatSI', 'getRecorderManager'],
  },
  {
    what: '剪贴板',
    why: '仅在您点“复制链接”“复制单号”时写入，方便发给家人；不读取您的剪贴板。',
    apis: ['setClipboardData'],
  },
  {
    what: '订阅消息授权',
    why: '在您缴费、报修或设置消息时询问，用于发送缴费结果、报修进度等通知；可随时在“消息设置”中关闭。',
    apis: ['requestSubscribeMessage'],
  },
]

export function privacySections(facts: LegalFacts): LegalSection[] {
  return [
    {
      heading: '谁在处理您的信息',
      paragraphs: [
        `本小程序由${facts.utilityName}（地址：${facts.address}）提供。我们按《个人信息保护法》处理您的个人信息，只收集办理业务所必需的信息。`,
      ],
    },
    {
      heading: '我们收集哪些信息、为什么',
      paragraphs: personalDataUses.map((use) => `${use.what}：${use.why}`),
    },
    {
      heading: '我们不做的事',
      paragraphs: [
        '不保存您的微信或支付宝昵称和头像；不把您的信息用于广告；不向与办理业务无关的第三方提供。',
        '支付由微信支付或支付宝完成，我们看不到您的银行卡信息。',
      ],
    },
    {
      heading: '家人代缴与客服发送的链接',
      paragraphs: [
        '您把户号分享给家人、或客服给您发送办理链接时，对方只能看到办理所需的部分隐藏信息，链接到期或用过即失效。',
      ],
    },
    {
      heading: '保存多久',
      paragraphs: [
        '账单和缴费记录按财务规定保存；报修照片在工单办结后按规定期限保存后删除；验证码几分钟内失效。',
      ],
    },
    {
      heading: '您的权利',
      paragraphs: [
        '您可以在“我的 → 我的数据”中查看、导出您的信息，解除绑定或注销账号。',
        `对个人信息有任何问题，可以发邮件到 ${facts.privacyEmail}，或拨打客服电话 ${facts.servicePhone}，我们会在15个工作日内答复。`,
      ],
    },
    {
      heading: '版本',
      paragraphs: [
        `本政策版本 ${facts.policyVersion}。内容有变化时，我们会在您下次登录时再次请您确认。`,
      ],
    },
  ]
}

export function termsSections(facts: LegalFacts): LegalSection[] {
  return [
    {
      heading: '服务内容',
      paragraphs: [
        `“燃气·供热 掌上营业厅”由${facts.utilityName}提供，可以办理燃气充值、账单缴费、报修、供暖业务和安全用气咨询。`,
      ],
    },
    {
      heading: '户号绑定',
      paragraphs: [
        '请只绑定您本人或经户主同意的户号。绑定时需要核对户主预留的手机号或户主信息。',
        '发现户号被他人绑定，请拨打客服电话，我们会核实后解除。',
      ],
    },
    {
      heading: '缴费与充值',
      paragraphs: [
        '缴费以燃气热力公司业务系统的入账为准。支付成功但未到账的，系统会自动核对并补记或原路退款，您也可以在“缴费记录”中查看每一步。',
        'IC 卡表充值后需要把气量写入卡中才能使用，请按页面提示写卡。',
      ],
    },
    {
      heading: '报修与紧急情况',
      paragraphs: [
        `闻到燃气味时请先离开房间，到室外拨打 24 小时抢修电话 ${facts.servicePhone}，不要只在线上报修等待。`,
      ],
    },
    {
      heading: '联系我们',
      paragraphs: [`客服电话 ${facts.servicePhone}；地址：${facts.address}。`],
    },
  ]
}

export function legalSpeech(title: string, sections: readonly LegalSection[]): string {
  return [title, ...sections.map((s) => `${s.heading}。${s.paragraphs.join('')}`)].join('')
}
