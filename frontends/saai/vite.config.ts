import { appConfig } from "../vite.app.ts";

export default appConfig("/saai/", 5171);
