// Today: the signed-in user's working day. Other features add how their cards look through registerCardLook.
export { registerCardLook, type CardLook } from './components/card-registry';
