import { Fragment, useEffect, type ReactNode } from "react";

import { ServicesProvider, useSession, type AppServices } from "../core/context";
import { matchPath, navigate, useHashPath, type RouteParams } from "../core/router";
import { LiveNoticesProvider } from "../live/provider";
import { Layout } from "./layout";
import { LoginForm } from "./login-form";

export interface AppRoute {
  /** `/inventario/:codigo/kardex`; the first route is the landing screen. */
  path: string;
  /** Routes with a label appear in the navigation bar. */
  label?: string;
  render: (params: RouteParams) => ReactNode;
}

export interface AppRootProps {
  services: AppServices;
  routes: readonly AppRoute[];
  /** Opens the live-notice socket while signed in. */
  live?: boolean;
  headerExtra?: ReactNode;
}

function Screens({ routes, live, headerExtra }: Omit<AppRootProps, "services">) {
  const { session } = useSession();
  const path = useHashPath();
  const match = routes
    .map((route) => ({ route, params: matchPath(route.path, path) }))
    .find((candidate) => candidate.params !== null);

  useEffect(() => {
    if (session && !match) navigate(routes[0].path);
  }, [session, match, routes]);

  if (!session) return <LoginForm />;

  const nav = routes
    .filter((route) => route.label)
    .map((route) => ({ path: route.path, label: route.label as string }));
  const screen = (
    <Layout session={session} nav={nav} currentPath={path} headerExtra={headerExtra}>
      {match && (
        <Fragment key={path}>{match.route.render(match.params ?? {})}</Fragment>
      )}
    </Layout>
  );
  if (!live) return screen;
  return <LiveNoticesProvider token={session.token}>{screen}</LiveNoticesProvider>;
}

/** The whole app: login form without a session, the screens with one. */
export function AppRoot({ services, ...rest }: AppRootProps) {
  return (
    <ServicesProvider services={services}>
      <Screens {...rest} />
    </ServicesProvider>
  );
}
