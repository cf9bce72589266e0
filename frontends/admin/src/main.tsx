import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  AppRoot,
  GastosScreen,
  NotificacionesBadge,
  NotificacionesScreen,
  VentasDelDiaScreen,
  createApiClient,
  createSessionStore,
  type AppRoute,
} from "@saai/shared";
import "@saai/shared/styles.css";

import { TrabajadoresScreen } from "./features/usuarios/trabajadores-screen";

const session = createSessionStore("saai.sesion.admin");
const api = createApiClient({ session });

const routes: AppRoute[] = [
  {
    path: "/ventas-hoy",
    label: "Ventas de hoy",
    render: () => <VentasDelDiaScreen title="Ventas de hoy" />,
  },
  { path: "/gastos", label: "Gastos", render: () => <GastosScreen canDelete /> },
  { path: "/trabajadores", label: "Trabajadores", render: () => <TrabajadoresScreen /> },
  { path: "/notificaciones", label: "Notificaciones", render: () => <NotificacionesScreen /> },
];

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppRoot
      services={{ api, session, rol: "administrador" }}
      routes={routes}
      live
      headerExtra={<NotificacionesBadge />}
    />
  </StrictMode>,
);
