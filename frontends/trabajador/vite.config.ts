import { appConfig } from "../vite.app.ts";

export default appConfig("/trabajador/", 5173);
