// A small expression language: a generator tokenizer, a recursive-descent
// parser with precedence climbing, and an evaluator. The tokenizer is lazy,
// so a syntax error stops the work at the first bad token.

export type Token =
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'name'; value: string; offset: number }
  | { kind: 'operator'; value: string; offset: number }
  | { kind: 'end'; offset: number };

export type Expression =
  | { type: 'literal'; value: number }
  | { type: 'variable'; name: string }
  | { type: 'unary'; operator: '-' | '!'; operand: Expression }
  | { type: 'binary'; operator: string; left: Expression; right: Expression }
  | { type: 'call'; callee: string; args: Expression[] }
  | { type: 'conditional'; test: Expression; consequent: Expression; alternate: Expression };

export class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const OPERATORS = ['**', '==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '(', ')', ',', '?', ':'];

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  '**': 7,
};

const RIGHT_ASSOCIATIVE = new Set(['**']);

export function* tokenize(source: string): Generator<Token, void, undefined> {
  let offset = 0;
  while (offset < source.length) {
    const char = source[offset];
    if (/\s/.test(char)) {
      offset++;
      continue;
    }
    if (/[0-9.]/.test(char)) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(offset));
      if (!match) throw new ParseError(`malformed number`, offset);
      yield { kind: 'number', value: Number(match[0]), offset };
      offset += match[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_]\w*/.exec(source.slice(offset))!;
      yield { kind: 'name', value: match[0], offset };
      offset += match[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => source.startsWith(candidate, offset));
    if (operator === undefined) throw new ParseError(`unexpected character ${JSON.stringify(char)}`, offset);
    yield { kind: 'operator', value: operator, offset };
    offset += operator.length;
  }
  yield { kind: 'end', offset };
}

class Parser {
  private current: Token;

  constructor(private readonly tokens: Iterator<Token, void, undefined>) {
    this.current = this.read();
  }

  private read(): Token {
    const next = this.tokens.next();
    if (next.done) throw new Error('the tokenizer ended without an end token');
    return next.value;
  }

  /** Consumes the current token; the end token is never consumed. */
  private advance(): Token {
    const consumed = this.current;
    if (consumed.kind !== 'end') this.current = this.read();
    return consumed;
  }

  private isOperator(value: string): boolean {
    return this.current.kind === 'operator' && this.current.value === value;
  }

  private expect(value: string): void {
    if (!this.isOperator(value)) throw new ParseError(`expected ${value}`, this.current.offset);
    this.advance();
  }

  parse(): Expression {
    const expression = this.conditional();
    if (this.current.kind !== 'end') throw new ParseError('unexpected token', this.current.offset);
    return expression;
  }

  private conditional(): Expression {
    const test = this.binary(1);
    if (!this.isOperator('?')) return test;
    this.advance();
    const consequent = this.conditional();
    this.expect(':');
    const alternate = this.conditional();
    return { type: 'conditional', test, consequent, alternate };
  }

  private binary(minimum: number): Expression {
    let left = this.unary();
    for (;;) {
      const token = this.current;
      if (token.kind !== 'operator') return left;
      const precedence = BINARY_PRECEDENCE[token.value];
      if (precedence === undefined || precedence < minimum) return left;
      this.advance();
      const right = this.binary(RIGHT_ASSOCIATIVE.has(token.value) ? precedence : precedence + 1);
      left = { type: 'binary', operator: token.value, left, right };
    }
  }

  private unary(): Expression {
    if (this.isOperator('-') || this.isOperator('!')) {
      const operator = (this.advance() as { value: '-' | '!' }).value;
      return { type: 'unary', operator, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expression {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return { type: 'literal', value: token.value };
      case 'name': {
        if (!this.isOperator('(')) return { type: 'variable', name: token.value };
        this.advance();
        const args: Expression[] = [];
        if (!this.isOperator(')')) {
          do {
            if (args.length > 0) this.advance();
            args.push(this.conditional());
          } while (this.isOperator(','));
        }
        this.expect(')');
        return { type: 'call', callee: token.value, args };
      }
      case 'operator':
        if (token.value === '(') {
          const inner = this.conditional();
          this.expect(')');
          return inner;
        }
        throw new ParseError(`unexpected ${token.value}`, token.offset);
      case 'end':
        throw new ParseError('unexpected end of input', token.offset);
    }
  }
}

export function parse(source: string): Expression {
  return new Parser(tokenize(source)).parse();
}

export function* variables(expression: Expression): Generator<string, void, undefined> {
  switch (expression.type) {
    case 'literal':
      return;
    case 'variable':
      yield expression.name;
      return;
    case 'unary':
      yield* variables(expression.operand);
      return;
    case 'binary':
      yield* variables(expression.left);
      yield* variables(expression.right);
      return;
    case 'call':
      for (const arg of expression.args) yield* variables(arg);
      return;
    case 'conditional':
      yield* variables(expression.test);
      yield* variables(expression.consequent);
      yield* variables(expression.alternate);
  }
}

export type Environment = { values: Record<string, number>; functions: Record<string, (...args: number[]) => number> };

export function evaluate(expression: Expression, environment: Environment): number {
  switch (expression.type) {
    case 'literal':
      return expression.value;
    case 'variable': {
      const value = environment.values[expression.name];
      if (value === undefined) throw new ReferenceError(`${expression.name} is not defined`);
      return value;
    }
    case 'unary': {
      const operand = evaluate(expression.operand, environment);
      return expression.operator === '-' ? -operand : Number(!operand);
    }
    case 'binary': {
      const left = evaluate(expression.left, environment);
      if (expression.operator === '&&') return left ? evaluate(expression.right, environment) : left;
      if (expression.operator === '||') return left ? left : evaluate(expression.right, environment);
      const right = evaluate(expression.right, environment);
      switch (expression.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return left / right;
        case '%': return left % right;
        case '**': return left ** right;
        case '==': return Number(left === right);
        case '!=': return Number(left !== right);
        case '<': return Number(left < right);
        case '>': return Number(left > right);
        case '<=': return Number(left <= right);
        case '>=': return Number(left >= right);
      }
      throw new Error(`unknown operator ${expression.operator}`);
    }
    case 'call': {
      const fn = environment.functions[expression.callee];
      if (fn === undefined) throw new ReferenceError(`${expression.callee} is not a function`);
      return fn(...expression.args.map((arg) => evaluate(arg, environment)));
    }
    case 'conditional':
      return evaluate(expression.test, environment)
        ? evaluate(expression.consequent, environment)
        : evaluate(expression.alternate, environment);
  }
}

export function compileAll(sources: Record<string, string>): Map<string, { expression: Expression; uses: Set<string> }> {
  const compiled = new Map<string, { expression: Expression; uses: Set<string> }>();
  for (const [name, source] of Object.entries(sources)) {
    const expression = parse(source);
    compiled.set(name, { expression, uses: new Set(variables(expression)) });
  }
  return compiled;
}
