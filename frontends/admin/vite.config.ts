import { appConfig } from "../vite.app.ts";

export default appConfig("/admin/", 5172);
