/*
 * WeChat loads custom-tab-bar/ as a custom component: without `component` its index.json is `{}`.
 * `comp` is Taro's recursive base component, which deep trees fall back to (as pages declare it).
 */
export default { component: true, usingComponents: { comp: '../comp' } }
