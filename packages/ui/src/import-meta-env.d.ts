// What the apps' bundler (vite) gives every module it builds, this package's too; vitest gives it as well.
interface ImportMetaEnv {
  readonly BASE_URL: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
