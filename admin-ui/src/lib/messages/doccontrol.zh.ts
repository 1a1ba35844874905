/** Document control: review notes, separation of duties, discarding drafts, past versions, the readable audit trail. */
export const doccontrolZh = {
  // the review panel
  'doc.submittedBy': '{who} 于 {at} 提交审核',
  'doc.submitNote': '提交说明',
  'doc.noSubmitNote': '提交人没有写说明。',
  'doc.returnedBefore': '上次由 {who} 于 {at} 退回修改',
  'doc.returnNote': '退回意见',
  'doc.decisionNote': '审核意见（发布或退回时记录）',
  'doc.fourEyes': '职责分离：这一版由您编写、修改或提交，须由另一位品质经理批准发布。您可以退回草稿继续修改。',
  // discarding a draft
  'doc.discard': '废弃草稿',
  'doc.discardQuestion': '废弃第 {version} 版？尚未发布的修改将被删除，审计追踪保留这次操作的记录。',
  'doc.discardNote': '废弃原因',
  'doc.discardConfirm': '确认废弃',
  'doc.discardCancel': '取消',
  'doc.discarded': '已废弃 {code} 第 {version} 版草稿。',
  'doc.discardedNew': '已废弃新标准 {code} 的草稿，该标准已从标准库中移除。',
  // a past version in full
  'doc.pastVersion': '历史版本：您正在查看第 {version} 版（{status}），内容只读。',
  'doc.currentIs': '当前版本是第 {version} 版。',
  'doc.noCurrent': '该标准目前没有已发布的版本。',
  'doc.diffWithCurrent': '与当前版本对比',
  'doc.backToCurrent': '返回当前版本',
  'doc.versionMissing': '{code} 没有第 {version} 版。',
  'doc.versionMeta': '作者 {author} · 创建于 {created}',
  'doc.publishedMeta': '由 {who} 于 {at} 发布',
  // notes in history
  'doc.note.author': '编写说明',
  'doc.note.submit': '提交说明',
  'doc.note.return': '退回意见',
  'doc.note.publish': '发布意见',
  'doc.noteBy': '{label}（{who}）：{note}',
  'doc.readVersion': '阅读全文',
  // the audit trail in words
  'doc.audit.version': '版本',
  'doc.audit.note': '说明',
  'doc.audit.versionLink': '第 {version} 版',
  'doc.audit.diffLink': '查看差异',
  'auditAction.standard.draft.discarded': '废弃草稿',
  'auditAction.settings.changed': '更改设置',
} as const;
