/** Words the apps share: labels of the contract's enumerations and buttons. */

export const METODOS_PAGO = [
  "EFECTIVO",
  "TARJETA",
  "YAPE",
  "PLIN",
  "TRANSFERENCIA",
] as const;
export type MetodoPago = (typeof METODOS_PAGO)[number];

export const CATEGORIAS_GASTO = [
  "ALQUILER",
  "SERVICIOS",
  "SUELDOS",
  "COMPRAS",
  "TRANSPORTE",
  "IMPUESTOS",
  "OTROS",
] as const;
export type CategoriaGasto = (typeof CATEGORIAS_GASTO)[number];

export const UNIDADES = ["UNIDAD", "KG", "L"] as const;
export type Unidad = (typeof UNIDADES)[number];

export const LABELS: Record<string, string> = {
  EFECTIVO: "Efectivo",
  TARJETA: "Tarjeta",
  YAPE: "Yape",
  PLIN: "Plin",
  TRANSFERENCIA: "Transferencia",
  ALQUILER: "Alquiler",
  SERVICIOS: "Servicios",
  SUELDOS: "Sueldos",
  COMPRAS: "Compras",
  TRANSPORTE: "Transporte",
  IMPUESTOS: "Impuestos",
  OTROS: "Otros",
  UNIDAD: "Unidad",
  KG: "Kilogramo",
  L: "Litro",
  ACTIVA: "Activa",
  ACTIVO: "Activo",
  SUSPENDIDA: "Suspendida",
  INACTIVO: "De baja",
  REGISTRADA: "Registrada",
  COMPLETADA: "Completada",
  ANULADA: "Anulada",
  INICIAL: "Inicial",
  ENTRADA: "Entrada",
  MERMA: "Merma",
  AJUSTE: "Ajuste",
  VENTA: "Venta",
  ANULACION: "Anulación",
  INFO: "Información",
  WARNING: "Advertencia",
  CRITICAL: "Crítica",
};

/** The Spanish label of an enumeration value; unknown values show as sent. */
export function label(value: string | null | undefined): string {
  if (!value) return "—";
  return LABELS[value] ?? value;
}

export const TEXTS = {
  appNames: {
    saai: "SAAI Plataforma",
    administrador: "SAAI Administración",
    trabajador: "SAAI Tienda",
  },
  login: {
    title: "Ingresar",
    codigoTienda: "Código de tienda",
    usuario: "Usuario",
    password: "Contraseña",
    submit: "Ingresar",
    sending: "Ingresando…",
    expired: "Tu sesión terminó. Ingresa de nuevo.",
  },
  logout: "Cerrar sesión",
  loading: "Cargando…",
  empty: "No hay registros.",
  more: "Ver más",
  save: "Guardar",
  cancel: "Cancelar",
  confirm: "Confirmar",
  retry: "Reintentar",
  motivo: "Motivo",
  platform: "Plataforma",
} as const;
