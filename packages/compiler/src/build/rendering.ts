/**
 * Rendering: user code that holds no suspension point, kept as the user
 * wrote it, with the machine's variables and jumps put in (render.ts does
 * the walking; this file answers its `RenderHooks`).
 *
 * ## Example
 * Inside a split scope, `if (x) break outer;` renders as
 * `if ($frame.x$) { $state = L9; continue $machine; }`: `x` is a frame field,
 * and the `break` leaves the rendered statement, so it becomes an exit part
 * that the control-flow graph follows.
 *
 * ## Implementation
 * A jump a statement makes out of itself is an exit part of its code
 * (`ExitPart`), which emit renders and liveness follows. A `var` list that declares machine
 * variables becomes assignments. `bind` gives a declared name its value:
 * one assignment, a destructuring assignment, or, when the pattern itself
 * suspends, the patterns lowering.
 *
 * ## References
 * ECMAScript 2025, 14.3.2 Variable Statement; 8.6.2 BindingInitialization.
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { isVariable, plainText, type Code, type Part, type Variable, UNDEFINED, literal } from '../ir';
import type { Binding } from '../scope';
import { nameToKeep, renderNode, renderRange, type RenderHooks } from '../render';
import { isAnonymousFunctionDefinition, namedEvaluationName, namingText } from '../named-evaluation';
import { skipParenthesesAndTypes } from '../type-wrappers';
import { suspendKindOf } from '../suspend-kind';
import { Completions } from './completions';
import { superDeleteCode, superTargetCode, superUpdateCode, superUpdateTarget } from '../super-update';
import { isDestructuringTarget } from '../early-errors/assignment-targets';

export abstract class RenderingBuilder extends Completions {
  /** Function declarations already bound at the entry of their scope. */
  protected readonly hoistedDeclarations = new Set<ts.Node>();
  /** Nodes whose code was computed ahead of rendering (class keys evaluated before a suspension). */
  readonly overrides = new Map<ts.Node, Code>();
  readonly hooks: RenderHooks = this.makeHooks();

  /** Destructuring whose pattern holds a suspension point (patterns.ts). */
  abstract destructure(target: ts.BindingName | ts.Expression, value: Code): void;

  /** Renders code that holds no suspension point; jumps it makes out of itself become CFG edges. */
  render(node: ts.Node): Code {
    return renderNode(node, this.hooks);
  }

  /** Renders a parameter of a function nested in this one, or its text from `start` to `end`: its `this` and the like are that function's own. */
  renderParameter(parameter: ts.ParameterDeclaration, start = parameter.getStart(this.context.sourceFile), end = parameter.end): Code {
    return renderRange(parameter, start, end, this.hooks, parameter.parent);
  }

  protected renderStatement(node: ts.Node): void {
    this.statement(this.render(node));
  }

  private makeHooks(): RenderHooks {
    const builder = this;
    return {
      sourceFile: this.context.sourceFile,
      identifier: (node) => builder.identifierCode(node),
      metadataTypeName: (node) => (this.context.scopes.metadataTypeNames.has(node) ? builder.identifierCode(node) : undefined),
      declaredInside: (node) => this.context.scopes.resolved.has(node) || this.context.scopes.argumentsBindings.has(node),
      writtenAs: (node) => {
        const code = builder.identifierCode(node);
        return code && (() => code.map((part) => plainText(part) ?? (isVariable(part) ? this.context.variableText(part) : '\0')).join(''));
      },
      closureEnvironments: (node) => this.closureEnvironments(node),
      override: (node) => this.overrides.get(node),
      constantWrite: (target) => this.constantWrite(target),
      deadZoneWrite: (target) => this.deadZoneWrite(target),
      // Read by an arrow that may run after the frame moved on: a field of its own.
      thisValue: (inClosure) => {
        markCaptured(this.thisValue(), inClosure);
        return this.thisCode();
      },
      superCall: (args, inClosure) => {
        const call = this.context.superCall();
        return call && [markCaptured(call, inClosure), '(', ...args, ')'];
      },
      argumentsValue: (inClosure) => markCaptured(this.argumentsValue(), inClosure),
      newTargetValue: (inClosure) =>
        ts.isArrowFunction(this.context.fn) ? [markCaptured(this.newTargetValue(), inClosure)] : ['(void 0)'],
      superProperty: (node, render) => {
        const accessor = this.context.superAccessor();
        if (!accessor) return undefined;
        if (isDestructuringTarget(node)) return superTargetCode(accessor, superKey(node, render), this.context.freshName);
        return [accessor, '(', ...superKey(node, render), ')'];
      },
      superDelete: (node, render) =>
        this.context.superAccessor() && superDeleteCode(node, superKey(node, render), this.context.names.runtime.ref('deleteSuperProperty')),
      superUpdate: (node, render) => {
        const accessor = this.context.superAccessor();
        if (!accessor) return undefined;
        const right = ts.isBinaryExpression(node) ? render(node.right) : undefined;
        return superUpdateCode(node, accessor, superKey(superUpdateTarget(node)!, render), right, this.context.freshName, this.context.sourceFile);
      },
      aroundClass: (node, inArrow) => this.context.aroundClass(node, inArrow),
      nestedSuspendFunction: (node, edits) =>
        this.context.nestedSuspendFunction(node, edits, this.hoistedDeclarations.has(node)),
      escapingJump: (node) => {
        const { label, depth } = this.findTarget(node);
        return ['{ ', { exit: this.jumpExit(label, depth) }, ' }'];
      },
      returnStatement: (value) => ['{ ', { exit: this.returnExit(value) }, ' }'],
      variableDeclarationList: (list, render) => this.renderVarListInChunk(list, render),
      blockFunctionVarWrite: (declaration) => this.blockFunctionVarWrite(declaration),
    };
  }

  /**
   * A `var` declaration inside rendered code that declares machine variables
   * becomes assignments: the binding lives in the frame or the step function.
   */
  private renderVarListInChunk(list: ts.VariableDeclarationList, render: (n: ts.Node) => Code): Code | undefined {
    if (list.flags & ts.NodeFlags.BlockScoped) return undefined;
    const managed = list.declarations.some((d) => this.bindingTargets(d.name).some((b) => this.variableOf(b)));
    if (!managed) return undefined;
    const parts: Part[] = [];
    const inForHead =
      (ts.isForInStatement(list.parent) || ts.isForOfStatement(list.parent)) && list.parent.initializer === list;
    for (const d of list.declarations) {
      if (!d.initializer && !inForHead) continue;
      if (parts.length) parts.push(', ');
      const target = this.bindingTarget(d.name, render);
      if (inForHead) parts.push(...target);
      else parts.push(...(ts.isIdentifier(d.name) ? target : ['(', ...target, ')']), ' = ', ...render(d.initializer!));
    }
    if (ts.isVariableStatement(list.parent)) return parts.length ? [...parts, ';'] : [';'];
    return parts.length ? parts : UNDEFINED;
  }

  private bindingTargets(name: ts.BindingName): Binding[] {
    if (ts.isIdentifier(name)) {
      const b = this.context.scopes.resolved.get(name);
      return b ? [b] : [];
    }
    const result: Binding[] = [];
    for (const e of name.elements) if (ts.isBindingElement(e)) result.push(...this.bindingTargets(e.name));
    return result;
  }

  /** A binding pattern written as an assignment target (`{a, b: [c]}` → `{a: $frame.a, b: [c]}`). */
  bindingTarget(name: ts.BindingName, render: (n: ts.Node) => Code = (n) => this.render(n)): Code {
    if (ts.isIdentifier(name)) return render(name);
    const parts: Part[] = [];
    if (ts.isObjectBindingPattern(name)) {
      parts.push('{');
      name.elements.forEach((e, i) => {
        if (i) parts.push(', ');
        if (e.dotDotDotToken) {
          parts.push('...', ...this.bindingTarget(e.name, render));
          return;
        }
        const key = e.propertyName ?? e.name;
        if (ts.isComputedPropertyName(key)) parts.push('[', ...render(key.expression), ']');
        else parts.push(key.getText(this.context.sourceFile));
        parts.push(': ', ...this.bindingTarget(e.name, render));
        if (e.initializer) parts.push(' = ', ...render(e.initializer));
      });
      parts.push('}');
    } else {
      parts.push('[');
      name.elements.forEach((e, i) => {
        if (i) parts.push(', ');
        if (ts.isOmittedExpression(e)) return;
        if (e.dotDotDotToken) parts.push('...');
        parts.push(...this.bindingTarget(e.name, render));
        if (e.initializer) parts.push(' = ', ...render(e.initializer));
      });
      if (name.elements.length && ts.isOmittedExpression(name.elements[name.elements.length - 1])) parts.push(',');
      parts.push(']');
    }
    return parts;
  }

  /**
   * An anonymous function kept in a temporary (or written to a binding in
   * place of the expression it was part of) must not take that variable's
   * name, nor lose the one its place gives it. Before a binding its place
   * names it after (a default in a pattern, `x ||= …`, an assignment whose
   * value is used) it is named in writing, unless rendering named it already
   * because that binding is written otherwise (render.ts, `nameToKeep`);
   * elsewhere (`a && function () {}`, `(x, () => {})`) it is kept nameless.
   */
  keptValue(node: ts.Expression, code: Code): Code {
    const fn = skipParenthesesAndTypes(node);
    if (!isAnonymousFunctionDefinition(fn) || suspendKindOf(fn)) return code;
    const source = namedEvaluationName(node);
    if (!source) return ['(0, ', ...code, ')'];
    if (source.kind !== 'binding') return code;
    const rendered = nameToKeep(fn, this.hooks);
    const [before, after] = namingText(source.name);
    const needed = () => !rendered?.needed();
    return [{ text: () => (needed() ? before : ''), printed: `⟨named ${source.name}: ` }, ...code, { text: () => (needed() ? after : ''), printed: '⟩' }];
  }

  /** Binds a declaration's name to a value: one assignment, or a destructuring assignment. */
  bind(name: ts.BindingName, value: Code): void {
    if (ts.isIdentifier(name)) {
      const binding = this.context.scopes.resolved.get(name);
      const v = binding && this.variableOf(binding);
      if (v) this.assign(v, value);
      else this.statement([...(this.identifierCode(name) ?? [name.text]), ' = ', ...value, ';']);
      return;
    }
    if (this.suspends(name)) return this.destructure(name, value);
    this.statement(['(', ...this.bindingTarget(name), ' = ', ...value, ');']);
  }
}

function markCaptured(v: Variable, captured: boolean | undefined): Variable {
  if (captured) v.captured = true;
  return v;
}

function superKey(node: ts.SuperProperty | ts.SuperElementAccessExpression, render: (n: ts.Node) => Code): Code {
  return ts.isPropertyAccessExpression(node) ? [literal(JSON.stringify(node.name.text))] : render(node.argumentExpression);
}

