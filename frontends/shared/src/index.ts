export { readConfig, type SaaiConfig } from "./core/config";
export {
  ApiError,
  SIN_CONEXION,
  connectionError,
  parseErrorBody,
  toApiError,
  type CampoError,
} from "./core/errors";
export {
  buildUrl,
  createApiClient,
  type ApiClient,
  type Page,
  type QueryValue,
  type RequestOptions,
} from "./core/client";
export {
  createSessionStore,
  type Rol,
  type Session,
  type SessionState,
  type SessionStore,
  type Usuario,
} from "./core/session";
export {
  ServicesProvider,
  useApi,
  useServices,
  useSession,
  type AppServices,
} from "./core/context";
export {
  formatCantidad,
  formatFecha,
  formatFechaHora,
  formatHora,
  formatSoles,
  limaDay,
  limaMonthStart,
  LIMA_TIME_ZONE,
} from "./core/format";
export {
  CATEGORIAS_GASTO,
  LABELS,
  METODOS_PAGO,
  TEXTS,
  UNIDADES,
  label,
  type CategoriaGasto,
  type MetodoPago,
  type Unidad,
} from "./core/texts";
export { newIdempotencyKey } from "./core/ids";
export {
  useDebounced,
  usePagedList,
  useResource,
  useStoredState,
  type PagedList,
  type Resource,
} from "./core/hooks";
export { matchPath, navigate, useHashPath, type RouteParams } from "./core/router";

export {
  LiveConnection,
  RECONNECTED,
  backoffDelay,
  parseNotice,
  type LiveNotice,
  type LiveStatus,
} from "./live/connection";
export { LiveNoticesProvider, useLiveNotices, useLiveStatus } from "./live/provider";

export { AppRoot, type AppRoute, type AppRootProps } from "./ui/app-root";
export { ConfirmDialog, ReasonDialog } from "./ui/dialogs";
export { SelectField, TextAreaField, TextField, type Option } from "./ui/fields";
export { Layout, type NavItem } from "./ui/layout";
export { LoginForm } from "./ui/login-form";
export { ErrorMessage, Loading, SuccessMessage } from "./ui/messages";
export { DataTable, LoadMore, type Column } from "./ui/table";
export { parseNumber, useFormValues, useSubmit, withoutEmpty } from "./core/form";
export { ActionButton } from "./ui/action-button";
export {
  allowsFractions,
  isLowStock,
  personName,
  type Gasto,
  type Notificacion,
  type Producto,
  type Severity,
  type Vendedor,
  type Venta,
  type VentaItem,
} from "./core/types";

export { VentasDelDiaScreen } from "./modules/ventas/ventas-del-dia-screen";
export { GastosScreen } from "./modules/gastos/gastos-screen";
export { NotificacionesBadge } from "./modules/notificaciones/notificaciones-badge";
export { NotificacionesScreen } from "./modules/notificaciones/notificaciones-screen";
