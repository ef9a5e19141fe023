// The parameters of each cmdlet as a TypeScript type, derived from the catalog (registry.ts and
// catalog/): the console's wizards and dialogs build commands of these types, so a parameter the
// cmdlet does not have, a mandatory one left out or a value of the wrong type does not compile. A
// cmdlet added to the catalog with defineCmdlet gets its type with nothing more to write. Types
// only: the runtime check of every command a door receives stays params-schema.ts, built from the
// same signatures.
import type { CatalogSignature } from './registry';
import type { ParameterSpec } from './signature';

/** The name of every cmdlet in the catalog, canonically spelled. */
export type CmdletName = CatalogSignature['name'];

type SignatureOf<N extends CmdletName> = Extract<CatalogSignature, { name: N }>;
type ParameterOf<N extends CmdletName> = SignatureOf<N>['parameters'][number];

/** An array parameter also takes one value, as PowerShell binds a scalar to an array parameter (value-rules.ts normalizeValue). */
type OneOrMany<T> = T | readonly T[];

type EnumValue<P> = P extends { readonly values: readonly (infer V extends string)[] } ? V : string;
type HashtableOf<P> = P extends { readonly hashtableKeys: readonly (infer K extends string)[] }
  ? { readonly [Key in K]: string }
  : Readonly<Record<string, string>>;

/** What a parameter takes, by its declared type (signature.ts ParameterType). */
export type ParameterValue<P extends ParameterSpec> = ValueOfType<P['type'], P>;

/** Distributes over a union of types, should a helper declare one. */
type ValueOfType<T extends ParameterSpec['type'], P> = T extends 'String'
  ? string
  : T extends 'String[]'
    ? OneOrMany<string>
    : T extends 'Int' | 'Bytes'
      ? number
      : T extends 'Int[]'
        ? OneOrMany<number>
        : T extends 'Bool' | 'Switch'
          ? boolean
          : T extends 'Enum'
            ? EnumValue<P>
            : T extends 'Enum[]'
              ? OneOrMany<EnumValue<P>>
              : T extends 'Hashtable[]'
                ? OneOrMany<HashtableOf<P>>
                : never;

/**
 * Mandatory in every parameter set it belongs to (mandatoryIn: ['*']). A parameter mandatory in
 * some sets only (Move-VMStorage -DestinationStoragePath) is optional here: which set a command
 * uses is resolved at run time, with PowerShell's message when it cannot be.
 */
type Mandatory<P> = P extends { readonly mandatoryIn: readonly (infer S)[] } ? ([S] extends ['*'] ? true : false) : false;

type Flatten<T> = { [K in keyof T]: T[K] };

/** The parameters of one cmdlet, by their canonical names. */
export type CmdletParams<N extends CmdletName> = Flatten<
  { [P in ParameterOf<N> as Mandatory<P> extends true ? P['name'] : never]: ParameterValue<P> } & {
    [P in ParameterOf<N> as Mandatory<P> extends true ? never : P['name']]?: ParameterValue<P>;
  }
>;

/** One cmdlet invocation as a door receives it: `{cmdlet: 'Move-VM', params: {Name: 'WEB01', DestinationHost: 'HV02'}}`. */
export type CmdletCommand<N extends CmdletName = CmdletName> = { [K in N]: { cmdlet: K; params: CmdletParams<K> } }[N];
