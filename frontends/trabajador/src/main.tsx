import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  AppRoot,
  createApiClient,
  createSessionStore,
  type AppRoute,
} from "@saai/shared";
import "@saai/shared/styles.css";

const session = createSessionStore("saai.sesion.trabajador");
const api = createApiClient({ session });

const routes: AppRoute[] = [
  { path: "/inicio", label: "Inicio", render: () => <h1>Bienvenido</h1> },
];

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppRoot services={{ api, session, rol: "trabajador" }} routes={routes} live />
  </StrictMode>,
);
