import type { Catalog } from '../../i18n/index.js';

export const arraysLocales: Catalog = {
  'zh-CN': {
    item: '第 {{n}} 项',
    itemOf: '{{label}}第 {{n}} 项',
    named: '{{item}}：{{name}}',
    add: '添加一项',
    addTo: '添加{{label}}',
    moveUp: '上移',
    moveDown: '下移',
    remove: '删除',
    removed: '已删除第 {{n}} 项。',
    undo: '撤销删除',
    empty: '还没有添加任何一项。',
  },
  en: {
    item: 'Item {{n}}',
    itemOf: '{{label}}: item {{n}}',
    named: '{{item}}: {{name}}',
    add: 'Add an item',
    addTo: 'Add to {{label}}',
    moveUp: 'Move up',
    moveDown: 'Move down',
    remove: 'Remove',
    removed: 'Item {{n}} was removed.',
    undo: 'Undo',
    empty: 'Nothing added yet.',
  },
};
