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

import { CajaScreen } from "./features/caja/caja-screen";
import { InventarioScreen } from "./features/inventario/inventario-screen";
import { KardexScreen } from "./features/inventario/kardex-screen";
import { MovimientoScreen } from "./features/inventario/movimiento-screen";

const session = createSessionStore("saai.sesion.trabajador");
const api = createApiClient({ session });

const routes: AppRoute[] = [
  { path: "/caja", label: "Caja", render: () => <CajaScreen /> },
  { path: "/ventas", label: "Ventas del día", render: () => <VentasDelDiaScreen /> },
  { path: "/inventario", label: "Inventario", render: () => <InventarioScreen /> },
  {
    path: "/inventario/:codigo/movimiento",
    render: ({ codigo }) => <MovimientoScreen codigo={codigo} />,
  },
  {
    path: "/inventario/:codigo/kardex",
    render: ({ codigo }) => <KardexScreen codigo={codigo} />,
  },
  { path: "/gastos", label: "Gastos", render: () => <GastosScreen /> },
  { path: "/notificaciones", render: () => <NotificacionesScreen /> },
];

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <AppRoot
      services={{ api, session, rol: "trabajador" }}
      routes={routes}
      live
      headerExtra={<NotificacionesBadge />}
    />
  </StrictMode>,
);
