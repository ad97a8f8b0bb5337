/** Accounts, settings file and keychain: the public surface of this folder. */
export { userDataDir, APP_DIR_NAME } from './userDataDir'
export {
  accountInputSchema,
  accountPatchSchema,
  settingsPatchSchema,
  settingsSchema,
  storedAccountSchema,
  endpointProblem,
  normalizeEndpoint,
  sameStore,
  type StoreIdentity,
  isValidTimeZone,
  defaultTimeZone,
  MAX_INTERVAL_SEC,
  MAX_LABEL_LENGTH,
  type AccountPatch,
  type SettingsPatch,
} from './schemas'
export { CURRENT_VERSION, migrations } from './migrations'
export {
  openSettingsFile,
  SettingsFileError,
  SETTINGS_FILE_NAME,
  type SettingsFile,
  type SettingsData,
  type LoadedSettings,
} from './settingsFile'
export { KeytarSecretStore, MemorySecretStore, KeychainUnavailableError, KEYCHAIN_SERVICE, type KeychainFailure } from './keychain'
export { AccountError, type AccountErrorKind } from './accountErrors'
export {
  createAccountService,
  type AccountService,
  type AccountServiceDeps,
  type ConnectionTester,
  type DemoAccountSeed,
  type SettingsEdit,
} from './accountService'
export type { AccountsReload } from './reloadDiff'
