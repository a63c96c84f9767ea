export { DevMailboxPage } from './dev-mailbox-page.js';
export { codeOf, loadMailbox, type Mail } from './dev-mailbox.api.js';
