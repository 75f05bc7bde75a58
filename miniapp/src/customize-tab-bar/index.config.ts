// Alipay loads customize-tab-bar/ as a custom component (its templates recurse, no `comp`).
export default { component: true }
