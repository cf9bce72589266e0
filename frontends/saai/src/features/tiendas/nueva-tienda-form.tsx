import {
  ErrorMessage,
  TEXTS,
  TextField,
  useApi,
  useFormValues,
  useSubmit,
  withoutEmpty,
} from "@saai/shared";

import { createTienda, type TiendaCreada } from "./api";

const EMPTY = {
  nombre: "",
  ruc: "",
  direccion: "",
  adminNombre: "",
  adminUsuario: "",
  adminPassword: "",
  adminEmail: "",
};

const FIELDS = [
  "nombre",
  "ruc",
  "direccion",
  "administrador.nombre",
  "administrador.usuario",
  "administrador.password",
  "administrador.email",
];

/** A new shop together with its first owner account, in one request. */
export function NuevaTiendaForm({
  onCreated,
  onCancel,
}: {
  onCreated: (tienda: TiendaCreada) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { values, bind } = useFormValues(EMPTY);
  const { submit, sending, error } = useSubmit(async () => {
    const tienda = await createTienda(api, {
      nombre: values.nombre.trim(),
      ...withoutEmpty({
        ruc: values.ruc.trim(),
        direccion: values.direccion.trim(),
      }),
      administrador: {
        nombre: values.adminNombre.trim(),
        usuario: values.adminUsuario.trim(),
        password: values.adminPassword,
        email: values.adminEmail.trim(),
      },
    });
    onCreated(tienda);
  });

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="nueva-tienda-titulo"
      data-testid="form-nueva-tienda"
    >
      <h2 id="nueva-tienda-titulo">Nueva tienda</h2>
      <div className="form-grid">
        <TextField
          label="Nombre de la tienda"
          {...bind("nombre")}
          required
          error={error?.campo("nombre")}
        />
        <TextField
          label="RUC"
          {...bind("ruc")}
          inputMode="numeric"
          pattern="\d{11}"
          hint="Opcional, 11 dígitos"
          error={error?.campo("ruc")}
        />
        <TextField
          label="Dirección"
          {...bind("direccion")}
          error={error?.campo("direccion")}
        />
      </div>
      <fieldset>
        <legend>Administrador de la tienda</legend>
        <div className="form-grid">
          <TextField
            label="Nombre del administrador"
            {...bind("adminNombre")}
            required
            error={error?.campo("administrador.nombre")}
          />
          <TextField
            label="Usuario del administrador"
            {...bind("adminUsuario")}
            autoCapitalize="none"
            autoComplete="off"
            required
            error={error?.campo("administrador.usuario")}
          />
          <TextField
            label="Contraseña del administrador"
            type="password"
            {...bind("adminPassword")}
            autoComplete="new-password"
            required
            error={error?.campo("administrador.password")}
          />
          <TextField
            label="Correo del administrador"
            type="email"
            {...bind("adminEmail")}
            required
            error={error?.campo("administrador.email")}
          />
        </div>
      </fieldset>
      <ErrorMessage error={error} shownFields={FIELDS} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          Crear tienda
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {TEXTS.cancel}
        </button>
      </div>
    </form>
  );
}
