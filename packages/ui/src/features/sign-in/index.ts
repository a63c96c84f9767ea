export { SignInForm, type SignInFormProps } from './sign-in-form.js';
export { signInNamespace } from './namespace.js';
