import {
  ErrorMessage,
  TEXTS,
  TextField,
  useApi,
  useFormValues,
  useSubmit,
  withoutEmpty,
} from "@saai/shared";

import {
  createTrabajador,
  updateTrabajador,
  type Trabajador,
} from "./api";

export function NuevoTrabajadorForm({
  onCreated,
  onCancel,
}: {
  onCreated: (trabajador: Trabajador) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { values, bind } = useFormValues({
    nombre: "",
    usuario: "",
    password: "",
    email: "",
  });
  const { submit, sending, error } = useSubmit(async () => {
    const trabajador = await createTrabajador(api, {
      nombre: values.nombre.trim(),
      usuario: values.usuario.trim(),
      password: values.password,
      ...withoutEmpty({ email: values.email.trim() }),
    });
    onCreated(trabajador);
  });

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="nuevo-trabajador-titulo"
      data-testid="form-nuevo-trabajador"
    >
      <h2 id="nuevo-trabajador-titulo">Nuevo trabajador</h2>
      <div className="form-grid">
        <TextField label="Nombre" {...bind("nombre")} required error={error?.campo("nombre")} />
        <TextField
          label="Usuario"
          {...bind("usuario")}
          autoCapitalize="none"
          autoComplete="off"
          required
          error={error?.campo("usuario")}
        />
        <TextField
          label="Contraseña"
          type="password"
          {...bind("password")}
          autoComplete="new-password"
          required
          error={error?.campo("password")}
        />
        <TextField
          label="Correo"
          type="email"
          {...bind("email")}
          hint="Opcional"
          error={error?.campo("email")}
        />
      </div>
      <ErrorMessage error={error} shownFields={["nombre", "usuario", "password", "email"]} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          Crear trabajador
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {TEXTS.cancel}
        </button>
      </div>
    </form>
  );
}

/** Name and email as they are; a password only when a new one is typed. */
export function EditarTrabajadorForm({
  trabajador,
  onSaved,
  onCancel,
}: {
  trabajador: Trabajador;
  onSaved: (trabajador: Trabajador) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { values, bind } = useFormValues({
    nombre: trabajador.nombre,
    email: trabajador.email ?? "",
    password: "",
  });
  const { submit, sending, error } = useSubmit(async () => {
    const updated = await updateTrabajador(api, trabajador.codigo, {
      nombre: values.nombre.trim(),
      email: values.email.trim(),
      ...withoutEmpty({ password: values.password }),
    });
    onSaved(updated);
  });

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-labelledby="editar-trabajador-titulo"
      data-testid="form-editar-trabajador"
    >
      <h2 id="editar-trabajador-titulo">Editar a {trabajador.usuario}</h2>
      <div className="form-grid">
        <TextField label="Nombre" {...bind("nombre")} required error={error?.campo("nombre")} />
        <TextField label="Correo" type="email" {...bind("email")} error={error?.campo("email")} />
        <TextField
          label="Nueva contraseña"
          type="password"
          {...bind("password")}
          autoComplete="new-password"
          hint="Déjala vacía para mantener la actual"
          error={error?.campo("password")}
        />
      </div>
      <ErrorMessage error={error} shownFields={["nombre", "email", "password"]} />
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          Guardar cambios
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {TEXTS.cancel}
        </button>
      </div>
    </form>
  );
}
