/**
 * The type names that TypeScript's decorator metadata writes as values:
 * with `experimentalDecorators` and `emitDecoratorMetadata`, a decorated
 * member's annotations become `__metadata("design:paramtypes", [Local])`
 * after the class, where `Local` reads the binding the type names.
 *
 * ## Example
 * ```ts
 * async function f() {
 *   class Local {}
 *   await null;
 *   class Service { @log handle(l: Local, n: number): void {} }
 * }
 * ```
 * `metadataTypeNames(Service)` is the `Local` of `l: Local`. Kept as written,
 * it would name nothing once `Local` is a frame field (the metadata reads
 * `Object`, or throws a ReferenceError where tsc knows the type is a class);
 * scope analysis resolves it like a read made next to the class (where the
 * class's own name is the class), and rendering writes the binding's place
 * into the annotation (`l: $frame.Local$`), which TypeScript then writes as
 * the metadata.
 *
 * ## Implementation
 * Which annotations are written, as TypeScript's `serializeTypeOfNode` and
 * `serializeParameterTypesOfNode` choose them: a decorated class's
 * constructor parameters (a decorated constructor parameter decorates the
 * class); a decorated method's parameters and return type (a decorated
 * parameter decorates its method); a decorated property's type; a
 * decorated accessor's types, its pair's included. Of each annotation, the
 * names that `serializeTypeNode` writes: a type reference's first name,
 * through unions, intersections, conditional branches, parentheses and
 * `readonly`, and a rest parameter's element type. The compiler does not know the
 * project's options: names in these places are resolved whatever they are,
 * which at most keeps a binding in the frame that standard decorators would
 * not have needed.
 *
 * ## References
 * TypeScript 6.0 `transformers/typeSerializer.ts` (`serializeTypeNode`,
 * `serializeParameterTypesOfNode`, `getRestParameterElementType`),
 * `transformers/legacyDecorators.ts`
 */
import ts from 'typescript';

/** The identifiers in `cls`'s annotations that its decorator metadata writes as values. */
export function metadataTypeNames(cls: ts.ClassLikeDeclaration): ts.Identifier[] {
  const names: ts.Identifier[] = [];
  const decoratedAccessors = new Set<string>();
  for (const member of cls.members) {
    if ((ts.isGetAccessor(member) || ts.isSetAccessor(member)) && hasDecorators(member)) decoratedAccessors.add(memberKey(member));
  }
  const addParameters = (parameters: readonly ts.ParameterDeclaration[]): void => {
    for (const parameter of parameters) {
      if (!parameter.type) continue;
      names.push(...serializedTypeNames(parameter.dotDotDotToken ? restElementType(parameter.type) : parameter.type));
    }
  };
  const classDecorated = hasDecorators(cls);
  for (const member of cls.members) {
    if (ts.isConstructorDeclaration(member)) {
      if (classDecorated || member.parameters.some(hasDecorators)) addParameters(member.parameters);
    } else if (ts.isMethodDeclaration(member)) {
      if (!hasDecorators(member) && !member.parameters.some(hasDecorators)) continue;
      addParameters(member.parameters);
      if (member.type) names.push(...serializedTypeNames(member.type));
    } else if (ts.isPropertyDeclaration(member)) {
      if (hasDecorators(member) && member.type) names.push(...serializedTypeNames(member.type));
    } else if (ts.isGetAccessor(member) || ts.isSetAccessor(member)) {
      if (!decoratedAccessors.has(memberKey(member))) continue;
      addParameters(member.parameters);
      if (member.type) names.push(...serializedTypeNames(member.type));
    }
  }
  return names;
}

/** The names of type references that TypeScript's `serializeTypeNode` writes for `type`. */
function serializedTypeNames(type: ts.TypeNode): ts.Identifier[] {
  if (ts.isTypeReferenceNode(type)) return [firstName(type.typeName)];
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap(serializedTypeNames);
  if (ts.isConditionalTypeNode(type)) return [...serializedTypeNames(type.trueType), ...serializedTypeNames(type.falseType)];
  if (ts.isParenthesizedTypeNode(type)) return serializedTypeNames(type.type);
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return serializedTypeNames(type.type);
  return [];
}

/** What a rest parameter's metadata is the type of: its array's element. */
function restElementType(type: ts.TypeNode): ts.TypeNode {
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (ts.isTypeReferenceNode(type) && type.typeArguments?.length) return type.typeArguments[0];
  return type;
}

function firstName(name: ts.EntityName): ts.Identifier {
  return ts.isIdentifier(name) ? name : firstName(name.left);
}

function hasDecorators(node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

/** An accessor pair's shared key: static or not, and the name as written. */
function memberKey(member: ts.AccessorDeclaration): string {
  const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
  return `${isStatic ? 'static ' : ''}${member.name.getText()}`;
}
