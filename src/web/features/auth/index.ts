// What the auth feature offers to the rest of the app: the current user, profile updates, the language switcher.
export { useChangePassword, useLogout, useUpdateMe } from './api/use-auth-actions';
export { ME_KEY, useMe, useSetupStatus } from './api/use-me';
export { LanguageSwitcher } from './components/language-switcher';
