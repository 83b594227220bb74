/**
 * Statements of a suspend function → state-machine IR; the builder whole.
 *
 * ## Example
 * ```js
 * while (i < 3) { yield i; i++; }
 * ```
 * becomes
 * ```
 * L1:
 *   branch i < 3, else L3
 *   yield i → L2
 * L2:
 *   statement i++;
 *   jump L1
 * L3:
 * ```
 *
 * ## Implementation
 * Statements that hold no suspension point are rendered as they are
 * (rendering.ts); only statements that hold one are taken apart into labels
 * and jumps. Declarations of bindings that the machine manages become
 * assignments; function declarations are bound at the entry of their scope.
 * `try` becomes two regions (the try block, the catch clause) whose
 * handler and finalizer are the catch entry and the finally's entries
 * (completions.ts); the finally body ends in `endFinally`. Expressions are
 * taken apart by expressions.ts, patterns by patterns.ts, loops over
 * iterators by iteration.ts.
 *
 * ## References
 * ECMAScript 2025, 14 ECMAScript Language: Statements and Declarations;
 * 14.15.3 try evaluation; 14.12.4 CaseBlockEvaluation.
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { CompletionKind, completionLiteral, type Code, type Label, type MachineIR, UNDEFINED, nameOperand } from '../ir';
import { DiagnosticCode, UnsupportedError } from '../diagnostics';
import type { Builder, BuildContext } from './builder';
import { isInert, paren } from './code';
import { startsLikeAnotherStatement } from './statement-start';
import { IterationBuilder } from './iteration';
import { isAwaitUsing, isUsing, usingDeclarationsOf } from '../using-declarations';
import { Normalizer } from './expressions';
import { Destructurer } from './patterns';
import { enumMembersCode, mergesWithEarlier } from '../enum-object';

export class MachineBuilder extends IterationBuilder implements Builder {
  readonly expressions: Normalizer;
  private readonly patterns: Destructurer;
  readonly entry: Label;

  constructor(context: BuildContext) {
    super(context);
    this.expressions = new Normalizer(this);
    this.patterns = new Destructurer(this);
    this.entry = this.newLabel();
  }

  /** Builds with the instructions made meanwhile mapped to `node` (source maps). */
  at<T>(node: ts.Node, build: () => T): T {
    return this.atPosition(node.getStart(this.context.sourceFile), build);
  }

  /** Builds the body; its first `directives` statements are the directive prologue. */
  build(directives: number): MachineIR {
    const fn = this.context.fn;
    this.mark(this.entry);
    this.enterScope(fn);
    const body = fn.body!;
    if (ts.isBlock(body)) {
      this.buildStatements(body.statements.slice(directives));
    } else {
      this.returnWith(this.expressions.expression(body));
    }
    this.complete(undefined);
    return this.finish(this.entry);
  }

  /** Function declarations of a split scope are created when the scope is entered. */
  private hoistFunctions(statements: readonly ts.Statement[]): void {
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name && s.body) {
        this.hoistedDeclarations.add(s);
        this.bind(s.name, this.render(s));
      }
    }
  }

  private buildStatements(statements: readonly ts.Statement[]): void {
    this.hoistFunctions(statements);
    const resources = usingDeclarationsOf(statements);
    const disposed = resources ? statements.slice(resources.first) : [];
    for (const s of statements.slice(0, resources?.first)) this.buildStatement(s);
    if (resources) this.withDisposal(resources.isAsync, () => disposed.forEach((s) => this.buildStatement(s)));
  }

  buildStatement(node: ts.Statement): void {
    this.at(node, () => this.buildStatementHere(node));
  }

  private buildStatementHere(node: ts.Statement): void {
    if (ts.isFunctionDeclaration(node) && (!node.body || this.hoistedDeclarations.has(node))) {
      // Created when its scope was entered; here, where it stands, it is also the function's `var` (Annex B).
      const varWrite = node.body && this.blockFunctionVarWrite(node);
      if (varWrite) this.statement(varWrite);
      return;
    }
    if (ts.isVariableStatement(node)) return this.buildVariableList(node.declarationList);
    if (ts.isClassDeclaration(node) && node.name) {
      return this.bind(node.name, this.expressions.classExpression(node));
    }
    if (ts.isEnumDeclaration(node) && !isTypeOnlyStatement(node)) return this.buildEnum(node);
    if (ts.isReturnStatement(node)) {
      if (!node.expression) return this.returnWith(undefined);
      const value = this.expressions.expression(node.expression);
      if (this.context.kind !== 'asyncGenerator') return this.returnWith(value);
      this.awaitValue(value);
      return this.returnWith([nameOperand(this.context.names.value)], true);
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      const { label, depth } = this.findTarget(node);
      return this.jumpTo(label, depth);
    }
    if (!this.suspends(node)) {
      if (ts.isEmptyStatement(node)) return;
      if (isTypeOnlyStatement(node)) return;
      return this.renderStatement(node);
    }
    switch (node.kind) {
      case SyntaxKind.ExpressionStatement:
        return this.buildExpressionStatement((node as ts.ExpressionStatement).expression);
      case SyntaxKind.Block:
        this.enterScope(node);
        return this.buildStatements((node as ts.Block).statements);
      case SyntaxKind.IfStatement:
        return this.buildIf(node as ts.IfStatement);
      case SyntaxKind.ThrowStatement:
        return this.throwValue(this.expressions.expression((node as ts.ThrowStatement).expression));
      case SyntaxKind.WhileStatement:
        return this.buildWhile(node as ts.WhileStatement, []);
      case SyntaxKind.DoStatement:
        return this.buildDo(node as ts.DoStatement, []);
      case SyntaxKind.ForStatement:
        return this.buildFor(node as ts.ForStatement, []);
      case SyntaxKind.ForOfStatement:
        return this.buildForOf(node as ts.ForOfStatement, []);
      case SyntaxKind.ForInStatement:
        return this.buildForIn(node as ts.ForInStatement, []);
      case SyntaxKind.LabeledStatement:
        return this.buildLabeled(node as ts.LabeledStatement);
      case SyntaxKind.SwitchStatement:
        return this.buildSwitch(node as ts.SwitchStatement, []);
      case SyntaxKind.TryStatement:
        return this.buildTry(node as ts.TryStatement);
      case SyntaxKind.WithStatement:
        // The machine's states cannot stand inside the object environment a `with` opens.
        throw new UnsupportedError(node, "a 'with' statement whose body holds a suspension point is not lowered", DiagnosticCode.WithBodySuspends);
      default:
        throw new UnsupportedError(node, `${ts.SyntaxKind[node.kind]} holding a suspension point is not supported`);
    }
  }

  private buildExpressionStatement(expression: ts.Expression): void {
    const code = this.expressions.expression(expression, true);
    if (code.length && !isInert(code)) this.expressionStatement(code, startsLikeAnotherStatement(expression));
  }

  /**
   * An enum as TypeScript writes it, `let E; (function (E) { … })(E || (E = {}))`, with E the
   * binding the machine keeps (TypeScript's `let` would stay in the one state that holds it): the
   * first declaration of the name in its scope makes the object, the ones after it fill the same one.
   */
  private buildEnum(node: ts.EnumDeclaration): void {
    if (this.suspends(node)) throw new UnsupportedError(node, "a suspension point in an enum member's initializer is not supported: TypeScript evaluates the members in a function of their own");
    if (!mergesWithEarlier(node)) this.bind(node.name, ['{}']);
    const members = enumMembersCode(node, (initializer) => this.render(initializer));
    this.statement(['(function (', node.name.text, ') { ', ...members, '})(', ...(this.identifierCode(node.name) ?? [node.name.text]), ');']);
  }

  private buildVariableList(list: ts.VariableDeclarationList): void {
    const blockScoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0;
    const using = isUsing(list);
    for (const d of list.declarations) {
      if (d.initializer) {
        const value = this.expressions.expression(d.initializer);
        this.bind(d.name, using ? this.disposableValue(list, d, this.keptValue(d.initializer, value)) : value);
      } else if (blockScoped) {
        // `let x;` re-initialises x each time it is evaluated (a loop body entered again).
        this.bind(d.name, UNDEFINED);
      }
    }
  }

  private buildIf(node: ts.IfStatement): void {
    const otherwise = this.newLabel();
    const end = node.elseStatement ? this.newLabel() : otherwise;
    this.enterScope(node);
    this.expressions.jumpOn(node.expression, false, otherwise);
    this.buildBranch(node.thenStatement);
    if (node.elseStatement) {
      this.jump(end);
      this.mark(otherwise);
      this.buildBranch(node.elseStatement);
    }
    this.mark(end);
  }

  /** A branch that is a function declaration is a block of its own (B.3.3): its function is made when it is entered. */
  private buildBranch(node: ts.Statement): void {
    if (ts.isFunctionDeclaration(node)) this.hoistFunctions([node]);
    this.buildStatement(node);
  }

  private buildWhile(node: ts.WhileStatement, labels: readonly string[]): void {
    const head = this.newLabel();
    const exit = this.newLabel();
    this.mark(head);
    this.budgetCheckpoint();
    this.expressions.jumpOn(node.expression, false, exit);
    this.loop(labels, exit, head, () => this.buildStatement(node.statement));
    this.jump(head);
    this.mark(exit);
  }

  private buildDo(node: ts.DoStatement, labels: readonly string[]): void {
    const body = this.newLabel();
    const test = this.newLabel();
    const exit = this.newLabel();
    this.mark(body);
    this.loop(labels, exit, test, () => this.buildStatement(node.statement));
    this.mark(test);
    this.budgetCheckpoint();
    this.expressions.jumpOn(node.expression, true, body);
    this.mark(exit);
  }

  private buildFor(node: ts.ForStatement, labels: readonly string[]): void {
    const init = node.initializer;
    // A `using` head's resources live as long as the loop: disposed once, when it is left.
    if (init && ts.isVariableDeclarationList(init) && isUsing(init)) {
      return this.withDisposal(isAwaitUsing(init), () => this.buildForLoop(node, labels));
    }
    this.buildForLoop(node, labels);
  }

  private buildForLoop(node: ts.ForStatement, labels: readonly string[]): void {
    const head = this.newLabel();
    const update = this.newLabel();
    const exit = this.newLabel();
    const init = node.initializer;
    this.enterScope(node);
    if (init) {
      if (ts.isVariableDeclarationList(init)) this.buildVariableList(init);
      else this.buildExpressionStatement(init);
    }
    this.copyEnvironment(node);
    this.mark(head);
    if (node.condition) this.expressions.jumpOn(node.condition, false, exit);
    this.loop(labels, exit, update, () => this.buildStatement(node.statement));
    this.mark(update);
    this.budgetCheckpoint();
    this.copyEnvironment(node);
    if (node.incrementor) this.buildExpressionStatement(node.incrementor);
    this.jump(head);
    this.mark(exit);
  }

  private buildLabeled(node: ts.LabeledStatement): void {
    const labels: string[] = [node.label.text];
    let body: ts.Statement = node.statement;
    while (ts.isLabeledStatement(body)) {
      labels.push(body.label.text);
      body = body.statement;
    }
    switch (body.kind) {
      case SyntaxKind.WhileStatement:
        return this.buildWhile(body as ts.WhileStatement, labels);
      case SyntaxKind.DoStatement:
        return this.buildDo(body as ts.DoStatement, labels);
      case SyntaxKind.ForStatement:
        return this.buildFor(body as ts.ForStatement, labels);
      case SyntaxKind.ForOfStatement:
        return this.buildForOf(body as ts.ForOfStatement, labels);
      case SyntaxKind.ForInStatement:
        return this.buildForIn(body as ts.ForInStatement, labels);
      case SyntaxKind.SwitchStatement:
        return this.buildSwitch(body as ts.SwitchStatement, labels);
    }
    const exit = this.newLabel();
    const depth = this.finallyDepth;
    this.withJumpTarget({ kind: 'label', labels, breakLabel: exit, continueLabel: undefined, breakDepth: depth, continueDepth: depth }, () =>
      this.buildStatement(body),
    );
    this.mark(exit);
  }

  private buildSwitch(node: ts.SwitchStatement, labels: readonly string[]): void {
    const discriminant = this.newTemp('$discriminant');
    this.assign(discriminant, this.expressions.expression(node.expression));
    this.enterScope(node.caseBlock);
    // Function declarations of any clause exist before the first test runs.
    this.hoistFunctions(node.caseBlock.clauses.flatMap((c) => [...c.statements]));
    const exit = this.newLabel();
    const clauses = node.caseBlock.clauses;
    const entries = clauses.map(() => this.newLabel());
    let defaultEntry: Label | undefined;
    clauses.forEach((clause, i) => {
      if (ts.isDefaultClause(clause)) {
        defaultEntry = entries[i];
        return;
      }
      const test = this.expressions.expression(clause.expression);
      this.branchIf([discriminant, ' === ', ...paren(test)], entries[i]);
    });
    this.jump(defaultEntry ?? exit);
    const depth = this.finallyDepth;
    this.withJumpTarget({ kind: 'switch', labels, breakLabel: exit, continueLabel: undefined, breakDepth: depth, continueDepth: depth }, () =>
      clauses.forEach((clause, i) => {
        this.mark(entries[i]);
        for (const s of clause.statements) this.buildStatement(s);
      }),
    );
    this.mark(exit);
  }

  private buildTry(node: ts.TryStatement): void {
    const names = this.context.names;
    const after = this.newLabel();
    const catchEntry = node.catchClause ? this.newLabel() : undefined;
    const fin = node.finallyBlock ? this.newFinally(after) : undefined;

    const tryRegion = this.newRegion(catchEntry ?? fin!.throwEntry, fin?.returnEntry);
    const leaveProtected = () => {
      if (fin) {
        this.assign(fin.kind, [completionLiteral(CompletionKind.Normal)]);
        this.jump(fin.body);
      } else {
        this.jump(after);
      }
    };
    const protectedParts = () => {
      this.withRegion(tryRegion, () => {
        this.mark(this.newLabel());
        this.buildStatement(node.tryBlock);
        leaveProtected();
      });
      if (node.catchClause && catchEntry) {
        const catchRegion = this.newRegion(fin?.throwEntry, fin?.returnEntry);
        this.withRegion(catchRegion, () => {
          this.mark(catchEntry);
          const declaration = node.catchClause!.variableDeclaration;
          this.enterScope(node.catchClause!);
          if (declaration) this.bind(declaration.name, [nameOperand(names.value)]);
          this.buildStatement(node.catchClause!.block);
          leaveProtected();
        });
      }
    };

    if (!fin) {
      protectedParts();
    } else {
      this.withFinally(fin, protectedParts);
      this.enterFinallyBody(fin);
      this.buildStatement(node.finallyBlock!);
      this.endFinally(fin);
    }
    this.mark(after);
  }

  /** Destructuring whose pattern holds a suspension point: see patterns.ts. */
  destructure(target: ts.BindingName | ts.Expression, value: Code): void {
    this.patterns.destructure(target, value);
  }
}

function isTypeOnlyStatement(node: ts.Statement): boolean {
  return (
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ((ts.isModuleDeclaration(node) || ts.isEnumDeclaration(node)) && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0) ||
    ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) &&
      (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0)
  );
}
