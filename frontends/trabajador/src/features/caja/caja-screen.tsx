import { useState } from "react";
import {
  ApiError,
  ErrorMessage,
  METODOS_PAGO,
  SelectField,
  SuccessMessage,
  TextField,
  formatSoles,
  label,
  newIdempotencyKey,
  parseNumber,
  toApiError,
  useApi,
  useStoredState,
  type MetodoPago,
  type Venta,
} from "@saai/shared";

import { registerVenta } from "./api";
import {
  addProduct,
  cartTotal,
  lineSubtotal,
  quantityProblem,
  removeLine,
  saleItems,
  setQuantity,
  type CartLine,
} from "./cart";
import { ProductSearch } from "./product-search";

const METODO_OPTIONS = METODOS_PAGO.map((m) => ({ value: m, label: label(m) }));

/** `items[2].cantidad` -> 2: which cart line a server message is about. */
function lineIndex(campo: string): number | null {
  const match = /^items\[(\d+)\]/.exec(campo);
  return match ? Number(match[1]) : null;
}

/** The answer leaves no doubt: the sale was refused and nothing was written. */
function isDefinitive(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500;
}

export function CajaScreen() {
  const api = useApi();
  const [lines, setLines] = useStoredState<CartLine[]>("saai.caja.carrito", []);
  const [metodo, setMetodo] = useStoredState<MetodoPago>("saai.caja.metodo", "EFECTIVO");
  // One key per checkout attempt, kept until the attempt has a definite answer.
  const [attemptKey, setAttemptKey] = useStoredState<string | null>("saai.caja.clave", null);
  const [pagaCon, setPagaCon] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [venta, setVenta] = useState<Venta | null>(null);

  function changeCart(next: (current: CartLine[]) => CartLine[]) {
    setLines(next);
    setAttemptKey(null);
    setError(null);
    setVenta(null);
  }

  const total = cartTotal(lines);
  const problems = lines.map(quantityProblem);
  const serverProblems = new Map<number, string>();
  error?.campos.forEach((c) => {
    const index = lineIndex(c.campo);
    if (index !== null) serverProblems.set(index, c.mensaje);
  });
  const canCharge = lines.length > 0 && problems.every((p) => p === null) && !sending;
  const efectivo = parseNumber(pagaCon);
  const vuelto = efectivo !== undefined && efectivo >= total ? efectivo - total : null;

  async function charge() {
    const key = attemptKey ?? newIdempotencyKey();
    setAttemptKey(key);
    setSending(true);
    setError(null);
    try {
      const registered = await registerVenta(
        api,
        { items: saleItems(lines), metodo_pago: metodo },
        key,
      );
      setVenta(registered);
      setLines([]);
      setPagaCon("");
      setAttemptKey(null);
    } catch (reason) {
      const failure = toApiError(reason);
      setError(failure);
      if (isDefinitive(failure)) setAttemptKey(null);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="till">
      <ProductSearch onAdd={(p) => changeCart((current) => addProduct(current, p))} />

      <section className="card" aria-labelledby="caja-carrito-titulo">
        <h2 id="caja-carrito-titulo">Venta actual</h2>

        {venta && (
          <SuccessMessage testId="venta-registrada">
            Venta <strong data-testid="venta-codigo">{venta.codigo}</strong> registrada por{" "}
            <strong>{formatSoles(venta.total)}</strong> ({label(venta.metodo_pago)}).
          </SuccessMessage>
        )}

        {lines.length === 0 ? (
          <p className="muted" data-testid="carrito-vacio">
            Busca un producto y agrégalo para empezar.
          </p>
        ) : (
          <ul className="results" data-testid="carrito">
            {lines.map((line, index) => {
              const problem = problems[index] ?? serverProblems.get(index);
              return (
                <li
                  key={line.codigo}
                  className="cart-line"
                  data-testid="carrito-linea"
                  data-codigo={line.codigo}
                >
                  <span className="results__info">
                    <strong>{line.nombre}</strong>
                    <span className="results__meta">
                      {formatSoles(line.precio)} × {label(line.unidad).toLowerCase()} ={" "}
                      <span data-testid="carrito-subtotal">{formatSoles(lineSubtotal(line))}</span>
                    </span>
                    {problem && (
                      <span className="field__error" role="alert" data-testid="carrito-linea-error">
                        {problem}
                      </span>
                    )}
                  </span>
                  <span className="actions">
                    <input
                      type="number"
                      inputMode={line.unidad === "UNIDAD" ? "numeric" : "decimal"}
                      min={line.unidad === "UNIDAD" ? 1 : 0.001}
                      step={line.unidad === "UNIDAD" ? 1 : 0.001}
                      value={line.cantidad}
                      aria-label={`Cantidad de ${line.nombre}`}
                      aria-invalid={problem ? true : undefined}
                      data-testid={`cantidad-${line.codigo}`}
                      onChange={(e) =>
                        changeCart((current) => setQuantity(current, line.codigo, e.target.value))
                      }
                    />
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      aria-label={`Quitar ${line.nombre}`}
                      data-testid={`quitar-${line.codigo}`}
                      onClick={() => changeCart((current) => removeLine(current, line.codigo))}
                    >
                      Quitar
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}

        <p className="total">
          <span>Total</span>
          <span data-testid="caja-total">{formatSoles(total)}</span>
        </p>

        <div className="form">
          <SelectField
            label="Método de pago"
            value={metodo}
            options={METODO_OPTIONS}
            onChange={(e) => {
              setMetodo(e.target.value as MetodoPago);
              setAttemptKey(null);
            }}
            data-testid="metodo-pago"
          />
          {metodo === "EFECTIVO" && lines.length > 0 && (
            <TextField
              label="Paga con (S/)"
              inputMode="decimal"
              value={pagaCon}
              onChange={(e) => setPagaCon(e.target.value)}
              hint={vuelto !== null ? `Vuelto: ${formatSoles(vuelto)}` : undefined}
              data-testid="paga-con"
            />
          )}
          <ErrorMessage
            error={error}
            testId="venta-error"
            shownFields={error?.campos.map((c) => c.campo).filter((c) => lineIndex(c) !== null)}
          />
          <button
            type="button"
            className="button button--big"
            disabled={!canCharge}
            onClick={charge}
            data-testid="cobrar"
          >
            {error && !isDefinitive(error) ? "Reintentar cobro" : "Cobrar"}
          </button>
        </div>
      </section>
    </div>
  );
}
