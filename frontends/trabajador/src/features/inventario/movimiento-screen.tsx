import { useState } from "react";
import {
  ErrorMessage,
  SelectField,
  SuccessMessage,
  TextAreaField,
  TextField,
  allowsFractions,
  formatCantidad,
  parseNumber,
  useApi,
  useFormValues,
  useLiveNotices,
  useResource,
  useSubmit,
} from "@saai/shared";

import { getProducto, registerMovimiento, type TipoMovimiento } from "./api";
import { ProductoHeader } from "./producto-header";

const TIPO_OPTIONS = [
  { value: "ENTRADA", label: "Entrada (llegó mercadería)" },
  { value: "MERMA", label: "Merma (pérdida, vencido, roto)" },
  { value: "AJUSTE", label: "Ajuste (corrección de conteo)" },
];

/** A delivery, a loss or a count correction for one product. */
export function MovimientoScreen({ codigo }: { codigo: string }) {
  const api = useApi();
  const producto = useResource(() => getProducto(api, codigo), [codigo]);
  useLiveNotices(["inventario_actualizado", "venta_registrada", "venta_anulada"], producto.reload);
  const { values, bind, setValues } = useFormValues({
    tipo: "ENTRADA",
    cantidad: "",
    motivo: "",
  });
  const [stockNuevo, setStockNuevo] = useState<number | null>(null);
  const ajuste = values.tipo === "AJUSTE";
  const fraction = producto.data ? allowsFractions(producto.data.unidad) : false;

  const { submit, sending, error } = useSubmit(async () => {
    setStockNuevo(null);
    const answer = await registerMovimiento(api, codigo, {
      tipo: values.tipo as TipoMovimiento,
      cantidad: parseNumber(values.cantidad) ?? Number.NaN,
      motivo: values.motivo.trim(),
    });
    setStockNuevo(Number(answer.stock));
    setValues((current) => ({ ...current, cantidad: "", motivo: "" }));
    producto.reload();
  });

  return (
    <section>
      <ProductoHeader resource={producto} title="Movimiento de stock" />
      <form className="card form" onSubmit={submit} data-testid="form-movimiento">
        {stockNuevo !== null && (
          <SuccessMessage testId="movimiento-registrado">
            Movimiento registrado. Stock actual:{" "}
            <strong data-testid="movimiento-stock">{formatCantidad(stockNuevo)}</strong>.
          </SuccessMessage>
        )}
        <div className="form-grid">
          <SelectField
            label="Tipo de movimiento"
            {...bind("tipo")}
            options={TIPO_OPTIONS}
            error={error?.campo("tipo")}
          />
          <TextField
            label="Cantidad"
            type="number"
            step={fraction ? "0.001" : "1"}
            min={ajuste ? undefined : fraction ? "0.001" : "1"}
            inputMode={ajuste || fraction ? "decimal" : "numeric"}
            {...bind("cantidad")}
            required
            hint={
              ajuste
                ? "Cambio con signo: 5 suma, -3 resta."
                : "Cuánto entra o sale, sin signo."
            }
            error={error?.campo("cantidad")}
          />
        </div>
        <TextAreaField
          label="Motivo"
          {...bind("motivo")}
          rows={2}
          required
          error={error?.campo("motivo")}
        />
        <ErrorMessage error={error} shownFields={["tipo", "cantidad", "motivo"]} />
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            Registrar movimiento
          </button>
          <a className="button button--secondary" href={`#/inventario/${encodeURIComponent(codigo)}/kardex`}>
            Ver kardex
          </a>
        </div>
      </form>
    </section>
  );
}
