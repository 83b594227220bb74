describe('delete of a super property', () => {
  test('throws the ReferenceError a native delete super.x throws', () => {
    const { throwSuperPropertyDelete } = require('../src');
    class A {
      x = 1;
    }
    class B extends A {
      remove(): boolean {
        return delete super.x;
      }
    }
    let native: unknown;
    try {
      new B().remove();
    } catch (e) {
      native = e;
    }
    expect(native).toBeInstanceOf(ReferenceError);
    expect(() => throwSuperPropertyDelete()).toThrow(ReferenceError);
    expect(() => throwSuperPropertyDelete()).toThrow((native as Error).message);
  });
});
