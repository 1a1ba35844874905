/** Creating standards in the tree, and the JSON tab's code editor. */
export const authoringZh = {
  'create.new': '新建',
  'create.newModule': '新建模块',
  'create.newChild': '在此新建{kind}',
  'create.under': '在「{parent}」下新建',
  'create.heading': '新建{kind}',
  'create.title': '标题',
  'create.titleHint': '中文标题，例如“电梯轿厢清洁作业指导书”',
  'create.code': '编号',
  'create.codeHint': '已填入下一个可用编号，可以修改',
  'create.templateInstruction': '将按模板创建草稿：含一个示例检查项和文件正文提纲，创建后在编辑器中修改。',
  'create.templateContainer': '将按模板创建草稿：含文件正文提纲，创建后在编辑器中修改。',
  'create.submit': '创建并编辑',
  'create.cancel': '取消',
  'json.jumpTo': '在 JSON 中定位到此处',
};
