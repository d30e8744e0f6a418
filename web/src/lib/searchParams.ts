import { useCallback } from 'react';
import {
  createSearchParams,
  type NavigateOptions,
  type URLSearchParamsInit,
  useNavigate,
  useSearchParams,
} from 'react-router';

type Next = URLSearchParamsInit | ((current: URLSearchParams) => URLSearchParams);

/**
 * useSearchParams whose setter starts from the address as it is now, not as it was at the last render.
 *
 * React Router renders a navigation inside a transition, so a second change made before that render
 * lands (an officer picks a unit, then at once types a year) would start from the old address and
 * drop the first change. The browser's own location is updated synchronously by each navigation, so
 * reading it keeps every change.
 */
export function useLiveSearchParams(): [URLSearchParams, (next: Next, options?: NavigateOptions) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const set = useCallback(
    (next: Next, options?: NavigateOptions) => {
      const value =
        typeof next === 'function' ? next(new URLSearchParams(window.location.search)) : createSearchParams(next);
      navigate({ search: `?${value.toString()}` }, options);
    },
    [navigate],
  );
  return [params, set];
}
