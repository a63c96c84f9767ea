export { SignInForm, PasswordSignInFields, type SignInFormProps } from './sign-in-form.js';
export { PhoneSignInForm, PhoneSignInFields, type PhoneSignInProps } from './phone-sign-in-form.js';
export { ResidentSignIn, type ResidentSignInProps, type SignInMethod } from './resident-sign-in.js';
export { signInNamespace } from './namespace.js';
