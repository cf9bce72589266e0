import { useApi } from "../../core/context";
import { limaDay } from "../../core/format";
import { parseNumber, useFormValues, useSubmit } from "../../core/form";
import { CATEGORIAS_GASTO, TEXTS, label, type CategoriaGasto } from "../../core/texts";
import type { Gasto } from "../../core/types";
import { SelectField, TextField } from "../../ui/fields";
import { ErrorMessage } from "../../ui/messages";
import { createGasto } from "./api";

const CATEGORIA_OPTIONS = CATEGORIAS_GASTO.map((c) => ({ value: c, label: label(c) }));

export function GastoForm({
  onCreated,
  onCancel,
}: {
  onCreated: (gasto: Gasto) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const today = limaDay();
  const { values, bind } = useFormValues({
    concepto: "",
    monto: "",
    categoria: "OTROS",
    fecha: today,
  });
  const { submit, sending, error } = useSubmit(async () => {
    const gasto = await createGasto(api, {
      concepto: values.concepto.trim(),
      monto: parseNumber(values.monto) ?? Number.NaN,
      categoria: values.categoria as CategoriaGasto,
      ...(values.fecha ? { fecha: values.fecha } : {}),
    });
    onCreated(gasto);
  });

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="gasto-form-titulo"
      data-testid="form-gasto"
    >
      <h2 id="gasto-form-titulo">Nuevo gasto</h2>
      <div className="form-grid">
        <TextField label="Concepto" {...bind("concepto")} required error={error?.campo("concepto")} />
        <TextField
          label="Monto (S/)"
          type="number"
          min="0.01"
          step="0.01"
          inputMode="decimal"
          {...bind("monto")}
          required
          error={error?.campo("monto")}
        />
        <SelectField
          label="Categoría"
          {...bind("categoria")}
          options={CATEGORIA_OPTIONS}
          error={error?.campo("categoria")}
        />
        <TextField
          label="Fecha del gasto"
          type="date"
          max={today}
          {...bind("fecha")}
          error={error?.campo("fecha")}
        />
      </div>
      <ErrorMessage error={error} shownFields={["concepto", "monto", "categoria", "fecha"]} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          Registrar gasto
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {TEXTS.cancel}
        </button>
      </div>
    </form>
  );
}
