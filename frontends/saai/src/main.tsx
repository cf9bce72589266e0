import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  AppRoot,
  createApiClient,
  createSessionStore,
  type AppRoute,
} from "@saai/shared";
import "@saai/shared/styles.css";

import { TiendasScreen } from "./features/tiendas/tiendas-screen";

const session = createSessionStore("saai.sesion.saai");
const api = createApiClient({ session });

const routes: AppRoute[] = [
  { path: "/tiendas", label: "Tiendas", render: () => <TiendasScreen /> },
];

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppRoot services={{ api, session, rol: "saai" }} routes={routes} />
  </StrictMode>,
);
