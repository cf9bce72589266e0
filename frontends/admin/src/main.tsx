import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  AppRoot,
  createApiClient,
  createSessionStore,
  type AppRoute,
} from "@saai/shared";
import "@saai/shared/styles.css";

import { TrabajadoresScreen } from "./features/usuarios/trabajadores-screen";

const session = createSessionStore("saai.sesion.admin");
const api = createApiClient({ session });

const routes: AppRoute[] = [
  { path: "/trabajadores", label: "Trabajadores", render: () => <TrabajadoresScreen /> },
];

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppRoot services={{ api, session, rol: "administrador" }} routes={routes} live />
  </StrictMode>,
);
