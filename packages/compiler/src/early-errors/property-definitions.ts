/**
 * Definitions the grammar refuses in class bodies and object literals: a
 * constructor that is a generator, async or an accessor, two constructors,
 * a static member or any field named `prototype` or `constructor` where
 * those names are reserved, a private name declared twice (but for one
 * getter and one setter), `#constructor`, and `__proto__: v` twice in one
 * object literal.
 *
 * ## Example
 * `class C { *constructor() {} }`, `class C { static prototype() {} }`,
 * `class C { #a; #a; }` and `({ __proto__: a, "__proto__": b })` are
 * SyntaxErrors; `class C { get #a() {} set #a(v) {} }` and
 * `({ __proto__: a, ["__proto__"]: b })` are not.
 *
 * ## Implementation
 * TypeScript's overload signatures and ambient members have no body and
 * define nothing at run time: they are skipped.
 *
 * ## References
 * ECMAScript 2025, 15.7.1 (class early errors: PrototypePropertyNameList,
 * PrivateBoundIdentifiers, special methods), 13.2.5.1 (duplicate
 * `__proto__` in object initializers).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import { isAssignmentPattern } from './assignment-targets';
import { redeclared } from './declared-names';
import type { ReportEarlyError } from './early-error';

/** The name a non-computed property name spells, escapes and quotes resolved. */
function staticName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

function isStatic(member: ts.ClassElement): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((m) => m.kind === SyntaxKind.StaticKeyword);
}

function hasBody(member: ts.ClassElement): boolean {
  if (ts.isPropertyDeclaration(member)) return !(ts.getModifiers(member) ?? []).some((m) => m.kind === SyntaxKind.DeclareKeyword || m.kind === SyntaxKind.AbstractKeyword);
  if (ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isAccessor(member)) return member.body !== undefined;
  return true;
}

export function checkClassElements(cls: ts.ClassLikeDeclaration, report: ReportEarlyError): void {
  let constructor: ts.ConstructorDeclaration | undefined;
  const privateNames = new Map<string, { kind: 'get' | 'set' | 'other'; isStatic: boolean }>();
  for (const member of cls.members) {
    if (!hasBody(member)) continue;
    // TypeScript parses `static constructor() {}` as a constructor: it is a static method of that name.
    if (ts.isConstructorDeclaration(member) && !isStatic(member)) {
      if (constructor) report(member, DiagnosticCode.InvalidClassElement, 'A class may only have one constructor');
      constructor = member;
      if ((ts.getModifiers(member) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword)) {
        report(member, DiagnosticCode.InvalidClassElement, 'Class constructor may not be an async method');
      }
      continue;
    }
    const name = staticName(member.name as ts.PropertyName | undefined);
    if (name === 'constructor' && !isStatic(member)) {
      if (ts.isMethodDeclaration(member)) report(member.name, DiagnosticCode.InvalidClassElement, 'Class constructor may not be a generator');
      else if (ts.isAccessor(member)) report(member.name, DiagnosticCode.InvalidClassElement, 'Class constructor may not be an accessor');
    }
    if (ts.isPropertyDeclaration(member) && name === 'constructor') {
      report(member.name, DiagnosticCode.InvalidClassElement, "Classes may not have a field named 'constructor'");
    }
    if (isStatic(member) && name === 'prototype') {
      report(member.name!, DiagnosticCode.InvalidClassElement, "Classes may not have a static property named 'prototype'");
    }
    if (member.name && ts.isPrivateIdentifier(member.name)) {
      const text = member.name.text;
      if (text === '#constructor') report(member.name, DiagnosticCode.InvalidClassElement, "Classes may not have a private element named '#constructor'");
      const kind = ts.isGetAccessor(member) ? 'get' : ts.isSetAccessor(member) ? 'set' : 'other';
      const earlier = privateNames.get(text);
      if (!earlier) {
        privateNames.set(text, { kind, isStatic: isStatic(member) });
      } else {
        const completesPair = earlier.kind !== 'other' && kind !== 'other' && earlier.kind !== kind && earlier.isStatic === isStatic(member);
        if (!completesPair) redeclared(report, member.name, text);
        // A getter and setter pair takes the name for good: a third definition is a duplicate.
        privateNames.set(text, { kind: 'other', isStatic: earlier.isStatic });
      }
    }
  }
}

export function checkObjectLiteral(node: ts.ObjectLiteralExpression, report: ReportEarlyError): void {
  if (isAssignmentPattern(node)) return;
  let proto = false;
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || staticName(property.name) !== '__proto__') continue;
    if (proto) report(property.name, DiagnosticCode.Redeclaration, "Duplicate '__proto__' fields are not allowed in object literals");
    proto = true;
  }
}
