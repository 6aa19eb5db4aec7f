/**
 * The method catalogue: every method of the toolkit, registered once from its own folder
 * (methods/builtin.ts lists them). The command line, the HTTP service and the studio build their
 * method lists, flags, schemas and option controls from it; none of them names a method.
 */
import { ColorizeError } from '../../errors.js';
import { optionSpec } from './options.js';
import { withRegionMask } from './region.js';
import {
  METHOD_FAMILIES,
  type MethodDeclaration,
  type MethodDescription,
  type MethodFamily,
} from './types.js';

const methods = new Map<string, MethodDeclaration>();

/**
 * Adds (or replaces, by name) a method.
 *
 * @example
 * ```ts
 * import { getMethod, registerMethod } from 'colorize-toolkit';
 * registerMethod({
 *   name: 'identity', family: 'transfer', summary: 'returns the target', paper: 'none', browser: true,
 *   inputs: [{ name: 'target', kind: 'image', required: true, description: 'any image' }], options: [],
 *   run: (inputs) => ({ rgb: inputs.images.target!.image }),
 * });
 * console.log(getMethod('identity').summary); // returns the target
 * ```
 */
export function registerMethod(declared: MethodDeclaration): void {
  // Transfer and exemplar methods take a region mask (issue 18; region.ts).
  const method = withRegionMask(declared);
  const keys = new Set<string>();
  for (const o of method.options) {
    if (keys.has(o.key)) throw new Error(`${method.name}: option ${o.key} is declared twice`);
    keys.add(o.key);
  }
  methods.set(method.name, method);
}

/**
 * Every method, in family order then registration order; with `family`, the methods a family's
 * command offers (its own, then those that name it in `alsoIn`).
 *
 * @example
 * ```ts
 * import { listMethods } from 'colorize-toolkit';
 * console.log(listMethods('scribbles').map((m) => m.name)); // [ 'levin', 'poisson' ]
 * ```
 */
export function listMethods(family?: MethodFamily): MethodDeclaration[] {
  const all = [...methods.values()];
  if (family)
    return [...all.filter((m) => m.family === family), ...all.filter((m) => m.alsoIn?.includes(family))];
  return all.sort((a, b) => METHOD_FAMILIES.indexOf(a.family) - METHOD_FAMILIES.indexOf(b.family));
}

/** Names of every method, in {@link listMethods} order. */
export function methodNames(family?: MethodFamily): string[] {
  return listMethods(family).map((m) => m.name);
}

/**
 * The method called `name` (of `family`, when given), or a usage error listing the known ones.
 *
 * @example
 * ```ts
 * import { getMethod } from 'colorize-toolkit';
 * console.log(getMethod('levin').family); // scribbles
 * ```
 */
export function getMethod(name: string, family?: MethodFamily): MethodDeclaration {
  const m = methods.get(name);
  if (!m || (family && m.family !== family && !m.alsoIn?.includes(family))) {
    const names = methodNames(family).join(', ');
    throw new ColorizeError(
      family
        ? `option "method" = ${JSON.stringify(name)} is invalid: expected one of ${names}`
        : `unknown method ${JSON.stringify(name)}; known methods: ${names}`,
      'usage',
    );
  }
  return m;
}

/** The method a family's command runs without --method. */
export function familyDefault(family: MethodFamily): MethodDeclaration | undefined {
  const list = listMethods(family);
  return list.find((m) => m.familyDefault && m.family === family) ?? list[0];
}

/**
 * The JSON description of a method: everything but its functions (`run`, `prepare`), options as
 * JSON specs, command-line-only options left out. Plain data: it survives JSON and postMessage.
 *
 * @example
 * ```ts
 * import { describeMethod, getMethod } from 'colorize-toolkit';
 * const d = describeMethod(getMethod('reinhard'));
 * console.log(d.family, d.inputs.map((i) => i.name)); // transfer [ 'target', 'reference', 'gallery', 'mask' ]
 * ```
 */
export function describeMethod(m: MethodDeclaration): MethodDescription {
  const { run: _run, prepare: _prepare, release: _release, options, ...rest } = m;
  return { ...rest, options: options.filter((o) => !o.cliOnly).map(optionSpec) };
}
