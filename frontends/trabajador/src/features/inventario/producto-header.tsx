import {
  ErrorMessage,
  formatCantidad,
  formatSoles,
  isLowStock,
  label,
  type Producto,
  type Resource,
} from "@saai/shared";

/** Name, code and stock of the product a movement or kardex screen is about. */
export function ProductoHeader({
  resource,
  title,
}: {
  resource: Resource<Producto>;
  title: string;
}) {
  const producto = resource.data;
  return (
    <div className="card">
      <p>
        <a href="#/inventario">← Inventario</a>
      </p>
      <h1>
        {title}
        {producto ? `: ${producto.nombre}` : ""}
      </h1>
      <ErrorMessage error={resource.error} />
      {producto && (
        <p className="muted" data-testid="producto-resumen">
          {producto.codigo} · {formatSoles(producto.precio)} · Stock actual{" "}
          <strong data-testid="producto-stock-actual">{formatCantidad(producto.stock)}</strong>{" "}
          {label(producto.unidad).toLowerCase()}
          {isLowStock(producto) && (
            <>
              {" "}
              <span className="badge badge--warning" data-testid="stock-bajo">
                Stock bajo
              </span>
            </>
          )}
        </p>
      )}
    </div>
  );
}
