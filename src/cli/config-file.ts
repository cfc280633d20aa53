import { err, ok, type Result } from 'neverthrow';
import { checkConfiguration, checkInput, configurationInputSchema, type Configuration, type ConfigurationInput } from 'cobranca';
import { failureOf, type CliFailure } from './failure.js';
import { readJsonFile, type JsonInput } from './input-file.js';

/**
 * A collections configuration file: `{ "rulers": { id: spec }, "settings":
 * { general, branches, contracts }, "bureaus": ["serasa"] }`, the same shape
 * `createCollections` takes (`bureaus` names the gateways; `["serasa"]` when absent).
 */
export interface ConfigurationFile {
  readonly input: JsonInput;
  readonly options: ConfigurationInput;
  readonly configuration: Configuration;
}

/** Reads and checks a configuration file the way `createCollections` does; a problem names its line. */
export function readConfigurationFile(file: string): Result<ConfigurationFile, CliFailure> {
  const input = readJsonFile(file);
  if (input.isErr()) return err(input.error);
  const value = input.value.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err({ file, line: 1, message: 'expected an object with `rulers` and `settings`', exitCode: 1 });
  // The exported schema checks the file's JSON and types it, as a host checks its input at its edge.
  const options = checkInput(configurationInputSchema, { bureaus: ['serasa'], ...value });
  if (options.isErr()) return err(failureOf(options.error, input.value));
  const configuration = checkConfiguration(options.value);
  if (configuration.isErr()) return err(failureOf(configuration.error, input.value));
  return ok({ input: input.value, options: options.value, configuration: configuration.value });
}
