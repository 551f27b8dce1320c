import { useCallback } from 'react';
import { Link, NavLink, useNavigate, type LinkProps, type NavLinkProps, type To } from 'react-router';

/*
 * Every in-app navigation REPLACES the current history entry instead of pushing a new one.
 * Safety: the whole Trellis visit stays one entry in the browser's Back list, so after Quick
 * exit (which also replaces) pressing Back can never bring Trellis back on screen.
 * Use these helpers — never a plain <Link>, <a href="/…"> or navigate(to) — for in-app routes.
 */

/** A react-router `<Link>` that always replaces history. */
export function AppLink(props: Omit<LinkProps, 'replace'>) {
  return <Link {...props} replace />;
}

/** A react-router `<NavLink>` (sets aria-current="page") that always replaces history. */
export function AppNavLink(props: Omit<NavLinkProps, 'replace'>) {
  return <NavLink {...props} replace />;
}

/** `navigate(to)` that always replaces history. */
export function useReplaceNavigate(): (to: To, options?: { state?: unknown }) => void {
  const navigate = useNavigate();
  return useCallback(
    (to: To, options?: { state?: unknown }) => {
      void navigate(to, { replace: true, state: options?.state });
    },
    [navigate],
  );
}
