import {
  ErrorMessage,
  SelectField,
  TEXTS,
  TextField,
  UNIDADES,
  label,
  parseNumber,
  useApi,
  useFormValues,
  useSubmit,
  withoutEmpty,
  type Producto,
  type Unidad,
} from "@saai/shared";

import { createProducto, updateProducto, type DatosProducto } from "./api";

const UNIDAD_OPTIONS = UNIDADES.map((u) => ({ value: u, label: label(u) }));
const FIELDS = [
  "nombre",
  "precio",
  "costo",
  "stock",
  "stock_minimo",
  "categoria",
  "codigo_barras",
  "unidad",
];

function initialValues(producto: Producto | null) {
  return {
    nombre: producto?.nombre ?? "",
    precio: producto ? String(producto.precio) : "",
    costo: producto ? String(producto.costo) : "",
    stock: producto ? String(producto.stock) : "0",
    stock_minimo: producto ? String(producto.stock_minimo) : "0",
    categoria: producto?.categoria ?? "",
    codigo_barras: producto?.codigo_barras ?? "",
    unidad: producto?.unidad ?? "UNIDAD",
  };
}

/** A PATCH names only what the person changed. */
function changedFields(producto: Producto, datos: DatosProducto): Partial<DatosProducto> {
  const before: Record<string, unknown> = { ...producto };
  return Object.fromEntries(
    Object.entries(datos).filter(([name, value]) => (before[name] ?? "") !== value),
  );
}

/**
 * Creates a product, or edits one. Stock is only typed when creating: later
 * changes go through stock movements so the kardex explains every unit.
 */
export function ProductoForm({
  producto,
  onSaved,
  onCancel,
}: {
  producto: Producto | null;
  onSaved: (producto: Producto) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { values, bind } = useFormValues(initialValues(producto));
  const { submit, sending, error } = useSubmit(async () => {
    const datos: DatosProducto = {
      nombre: values.nombre.trim(),
      precio: parseNumber(values.precio) ?? Number.NaN,
      costo: parseNumber(values.costo) ?? Number.NaN,
      stock_minimo: parseNumber(values.stock_minimo) ?? 0,
      categoria: values.categoria.trim(),
      codigo_barras: values.codigo_barras.trim(),
      unidad: values.unidad as Unidad,
    };
    const { categoria, codigo_barras, ...required } = datos;
    const saved = producto
      ? await updateProducto(api, producto.codigo, changedFields(producto, datos))
      : await createProducto(api, {
          ...required,
          ...withoutEmpty({ categoria, codigo_barras }),
          stock: parseNumber(values.stock) ?? 0,
        });
    onSaved(saved);
  });
  const fraction = values.unidad !== "UNIDAD";
  const step = fraction ? "0.001" : "1";

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="producto-form-titulo"
      data-testid="form-producto"
    >
      <h2 id="producto-form-titulo">
        {producto ? `Editar ${producto.nombre}` : "Nuevo producto"}
      </h2>
      <div className="form-grid">
        <TextField label="Nombre" {...bind("nombre")} required error={error?.campo("nombre")} />
        <SelectField
          label="Unidad"
          {...bind("unidad")}
          options={UNIDAD_OPTIONS}
          error={error?.campo("unidad")}
        />
        <TextField
          label="Precio (S/)"
          type="number"
          min="0"
          step="0.01"
          inputMode="decimal"
          {...bind("precio")}
          required
          error={error?.campo("precio")}
        />
        <TextField
          label="Costo (S/)"
          type="number"
          min="0"
          step="0.01"
          inputMode="decimal"
          {...bind("costo")}
          required
          error={error?.campo("costo")}
        />
        {!producto && (
          <TextField
            label="Stock inicial"
            type="number"
            min="0"
            step={step}
            {...bind("stock")}
            required
            error={error?.campo("stock")}
          />
        )}
        <TextField
          label="Stock mínimo"
          type="number"
          min="0"
          step={step}
          {...bind("stock_minimo")}
          required
          error={error?.campo("stock_minimo")}
        />
        <TextField label="Categoría" {...bind("categoria")} error={error?.campo("categoria")} />
        <TextField
          label="Código de barras"
          inputMode="numeric"
          {...bind("codigo_barras")}
          error={error?.campo("codigo_barras")}
        />
      </div>
      <ErrorMessage error={error} shownFields={FIELDS} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          Guardar producto
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {TEXTS.cancel}
        </button>
      </div>
    </form>
  );
}
