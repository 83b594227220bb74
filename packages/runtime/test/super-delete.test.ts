import { deleteSuperProperty } from '../src';

describe('deleteSuperProperty', () => {
  test('throws the ReferenceError native `delete super.x` throws, with its message', () => {
    class Base {}
    class Derived extends Base {
      native() {
        // @ts-expect-error: Base declares no `x`; the delete throws before that matters.
        delete super.x;
      }
    }
    let nativeError: unknown;
    try {
      new Derived().native();
    } catch (error) {
      nativeError = error;
    }
    expect(nativeError).toBeInstanceOf(ReferenceError);
    expect(() => deleteSuperProperty()).toThrow(ReferenceError);
    expect(() => deleteSuperProperty()).toThrow((nativeError as Error).message);
  });
});
