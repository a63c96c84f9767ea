import fc from 'fast-check';

/**
 * Generated answers to a form, made from its JSON Schema: some that keep every rule, most that break a
 * few (a wrong type, a length or bound just past the limit, a pattern missed, an enum value that is not
 * one, a required answer left out, a format value that is nearly right: a time without a zone, the 30th
 * of February, an address with leading zeros). `undeclared` says a property the form never asked for
 * was added, which the runtime refuses on purpose (decision 0013) and a JSON Schema alone lets through.
 */
export interface FormSample {
  data: unknown;
  undeclared: boolean;
}

type Schema = Record<string, unknown>;
type Mode = 'fit' | 'wild';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Times around every rule of RFC 3339 and of JSON Forms' pickers: zones or none, leap seconds, 24:00. */
function timeText(wild: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: wild ? 25 : 23 }),
      fc.integer({ min: 0, max: wild ? 61 : 59 }),
      wild
        ? fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined, freq: 8 })
        : fc.integer({ min: 0, max: 59 }),
      fc.constantFrom('', '', '.5', '.123456'),
      wild
        ? fc.constantFrom('', '', 'Z', 'z', '+08:00', '-05:30', '+0800', '+08', '+24:00', '+08:60')
        : fc.constantFrom('', '', 'Z', '+08:00'),
    )
    .map(
      ([hour, minute, second, fraction, zone]) =>
        `${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(second)}`}${fraction}${zone}`,
    );
}

function dateText(wild: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(2026, 2024, 2023, 1949, 2000, 1900, ...(wild ? [0, 9999] : [])),
      fc.integer({ min: wild ? 0 : 1, max: wild ? 13 : 12 }),
      fc.integer({ min: wild ? 0 : 1, max: wild ? 32 : 28 }),
      wild ? fc.boolean() : fc.constant(true),
    )
    .map(([year, month, day, padded]) =>
      padded ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : `${year}-${month}-${day}`,
    );
}

function dateTimeText(wild: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(dateText(wild), wild ? fc.constantFrom('T', 'T', 't', ' ', '_') : fc.constant('T'), timeText(wild))
    .map(([date, separator, time]) => `${date}${separator}${time}`);
}

/** Per format: values a picker or a careful person writes, and values around its every rule. */
const formatValues: Record<string, { fit: fc.Arbitrary<string>; wild: fc.Arbitrary<string> }> = {
  date: { fit: dateText(false), wild: dateText(true) },
  time: { fit: timeText(false), wild: timeText(true) },
  'date-time': { fit: dateTimeText(false), wild: dateTimeText(true) },
  email: {
    fit: fc.emailAddress(),
    wild: fc.constantFrom('zhang@example.cn', 'zhang@', '@example.cn', 'zhang san@example.cn', 'a@b'),
  },
  uri: {
    fit: fc.webUrl(),
    wild: fc.constantFrom(
      'https://gov.cn/a b',
      'mailto:a@b.cn',
      'urn:isbn:0451450523',
      '//no-scheme',
      'relative/path',
    ),
  },
  uuid: {
    fit: fc.uuid(),
    wild: fc.constantFrom(
      'urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      '6ba7b8109dad11d180b400c04fd430c8',
    ),
  },
  ipv4: {
    fit: fc.ipV4(),
    wild: fc.constantFrom('01.02.03.004', '192.168.1.256', '10.0.0', '1.2.3.4.5', '00.0.0.0'),
  },
  hostname: { fit: fc.domain(), wild: fc.constantFrom('-bad-.cn', 'a..b', 'xn--fiqs8s.cn', 'localhost') },
};
const anyFormatValue = fc.oneof(
  ...Object.values(formatValues).flatMap((values) => [values.fit, values.wild]),
);

/** Any JSON a client could send in place of an answer. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 5 }),
  fc.constant([]),
  fc.constant({}),
);

/**
 * Text in one code point per character (ASCII, or any plane, as JSON carries it) where lengths must
 * hold, since JSON Schema counts code points; in clusters of several (emoji, combining marks) otherwise.
 */
function text(minLength = 0, maxLength = minLength + 24, exact = true): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength }),
    ...(exact ? [] : [fc.string({ unit: 'grapheme', minLength, maxLength })]),
  );
}

const num = (schema: Schema, key: string): number | undefined =>
  typeof schema[key] === 'number' ? (schema[key] as number) : undefined;

function stringValue(schema: Schema, mode: Mode): fc.Arbitrary<unknown> {
  const minLength = num(schema, 'minLength') ?? 0;
  const maxLength = num(schema, 'maxLength');
  const formatted = typeof schema.format === 'string' ? formatValues[schema.format] : undefined;
  const format = formatted && (mode === 'fit' ? formatted.fit : fc.oneof(formatted.fit, formatted.wild));
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const matching = pattern ? fc.stringMatching(pattern) : undefined;
  const fitting = format ?? matching ?? text(minLength, Math.min(maxLength ?? 40, minLength + 40));
  if (mode === 'fit') return fitting;
  const longest = maxLength ?? 200;
  return fc.oneof(
    { weight: 3, arbitrary: fitting },
    { weight: 1, arbitrary: text(Math.max(0, minLength - 1), minLength, false) },
    { weight: 1, arbitrary: text(longest - 1, longest + 1) },
    { weight: 1, arbitrary: matching ? matching.map((value) => `${value}x`) : text(0, 24, false) },
    { weight: 2, arbitrary: anyFormatValue },
    { weight: 2, arbitrary: wrongType },
  );
}

function numberValue(schema: Schema, mode: Mode): fc.Arbitrary<unknown> {
  const integer = schema.type === 'integer';
  const exclusiveMinimum = num(schema, 'exclusiveMinimum');
  const minimum = num(schema, 'minimum') ?? (exclusiveMinimum === undefined ? -1e6 : exclusiveMinimum + 1);
  const maximum = num(schema, 'maximum') ?? Math.max(minimum, 0) + 1e6;
  const fitting = integer
    ? fc.integer({ min: Math.ceil(minimum), max: Math.floor(maximum) })
    : fc.double({ min: minimum, max: maximum, noNaN: true, noDefaultInfinity: true });
  if (mode === 'fit') return fitting;
  return fc.oneof(
    { weight: 3, arbitrary: fitting },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        minimum,
        minimum - 1,
        minimum - 0.5,
        maximum,
        maximum + 1,
        maximum + 0.5,
        exclusiveMinimum ?? 0,
        -0,
        1e21,
      ),
    },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fitting.map((value) => String(value)) },
    { weight: 2, arbitrary: wrongType },
  );
}

function arrayValue(schema: Schema, mode: Mode): fc.Arbitrary<FormSample> {
  const items = (schema.items ?? {}) as Schema;
  const minLength = num(schema, 'minItems') ?? 0;
  const maxLength = num(schema, 'maxItems') ?? minLength + 4;
  const item = sampleOf(items, mode);
  const list =
    schema.uniqueItems === true && mode === 'fit'
      ? fc.uniqueArray(item, { minLength, maxLength, selector: (sample) => JSON.stringify(sample.data) })
      : fc.array(item, { minLength: mode === 'fit' ? minLength : 0, maxLength: maxLength + 1 });
  const samples = list.map((entries) => ({
    data: entries.map((entry) => entry.data),
    undeclared: entries.some((entry) => entry.undeclared),
  }));
  if (mode === 'fit') return samples;
  return fc.oneof(
    { weight: 4, arbitrary: samples },
    { weight: 1, arbitrary: wrongType.map((data) => ({ data, undeclared: false })) },
  );
}

function objectValue(schema: Schema, mode: Mode): fc.Arbitrary<FormSample> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const entries = Object.entries(properties).map(([name, property]) => {
    const fit = sampleOf(property, 'fit');
    const value =
      mode === 'fit'
        ? fit
        : fc.oneof({ weight: 5, arbitrary: fit }, { weight: 1, arbitrary: sampleOf(property, 'wild') });
    // required answers are given when the sample keeps the rules; a wild one may leave any out
    const presence = required.has(name) && mode === 'fit' ? fc.constant(true) : fc.boolean();
    return fc.tuple(fc.constant(name), presence, value);
  });
  const extra =
    mode === 'wild'
      ? fc.option(fc.tuple(fc.constantFrom('note', '__proto__x', 'undeclared', ''), wrongType), { freq: 6 })
      : fc.constant(null);
  const built = fc.tuple(fc.tuple(...entries), extra).map(([values, added]) => {
    const data: Record<string, unknown> = {};
    let undeclared = false;
    for (const [name, present, sample] of values) {
      if (!present) continue;
      data[name] = sample.data;
      undeclared ||= sample.undeclared;
    }
    if (added !== null && !(added[0] in properties)) {
      data[added[0]] = added[1];
      undeclared = true;
    }
    return { data, undeclared };
  });
  if (mode === 'fit') return built;
  return fc.oneof(
    { weight: 8, arbitrary: built },
    { weight: 1, arbitrary: wrongType.map((data) => ({ data, undeclared: false })) },
  );
}

function sampleOf(schema: Schema, mode: Mode): fc.Arbitrary<FormSample> {
  const plain = (value: fc.Arbitrary<unknown>) => value.map((data) => ({ data, undeclared: false }));
  if (Object.hasOwn(schema, 'const')) {
    const only = fc.constant(schema.const);
    return plain(mode === 'fit' ? only : fc.oneof(only, wrongType));
  }
  // a choice with titles (`oneOf` of `const`s) or alternatives: an answer of one branch, the rest applying
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const { [keyword]: _branches, ...rest } = schema;
    return fc.oneof(...(branches as Schema[]).map((branch) => sampleOf({ ...rest, ...branch }, mode)));
  }
  if (Array.isArray(schema.enum)) {
    const members = fc.constantFrom(...(schema.enum as unknown[]));
    return plain(
      mode === 'fit'
        ? members
        : fc.oneof(
            members,
            members.map((value) => `${String(value)} `),
            wrongType,
          ),
    );
  }
  switch (schema.type) {
    case 'object':
      return objectValue(schema, mode);
    case 'array':
      return arrayValue(schema, mode);
    case 'string':
      return plain(stringValue(schema, mode));
    case 'number':
    case 'integer':
      return plain(numberValue(schema, mode));
    case 'boolean':
      return plain(mode === 'fit' ? fc.boolean() : fc.oneof(fc.boolean(), wrongType));
    default:
      return plain(fc.jsonValue({ maxDepth: 2 }));
  }
}

/** Answers to a whole form: about a third keep every rule, the rest break some. */
export function formSamples(schema: Schema): fc.Arbitrary<FormSample> {
  return fc.oneof(
    { weight: 1, arbitrary: sampleOf(schema, 'fit') },
    { weight: 2, arbitrary: sampleOf(schema, 'wild') },
  );
}
