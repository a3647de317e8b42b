// What the auth feature offers to the rest of the app: the current user, profile updates, the language switcher.
export { useChangePassword, useLogout, useUpdateMe } from './api/use-auth-actions';
export { ME_KEY, useMe, useSetupStatus } from './api/use-me';
export { roleCan, useCan, type Access } from './api/use-can';
export { useCanCall } from './api/use-can-call';
export { ROUTE_ACCESS, type GatedRoute } from './api/route-access';
export { LanguageSwitcher } from './components/language-switcher';
