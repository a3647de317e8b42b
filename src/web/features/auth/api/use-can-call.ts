// Whether the logged-in person may call a route, by the access the server declares for it (route-access.ts).
import { ROUTE_ACCESS, type GatedRoute } from './route-access';
import { useCan } from './use-can';

/** False while the user is still loading: a button appears once we know it may be used. */
export const useCanCall = (route: GatedRoute): boolean => useCan(ROUTE_ACCESS[route]);
