import type { Locale } from "@interventions/domain";
import type en from "../messages/en.json";

// Message keys are typed from the English catalogue: a key missing from it fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
