import { checkInitialized, checkWritable, uninitialized } from '../src';

describe('temporal dead zone', () => {
  test('an uninitialized binding throws the ReferenceError a native read throws', () => {
    let native: unknown;
    try {
      // eslint-disable-next-line no-use-before-define
      (() => x)();
      let x = 1;
      void x;
    } catch (e) {
      native = e;
    }
    expect(native).toBeInstanceOf(ReferenceError);
    expect(() => checkInitialized(uninitialized, 'x')).toThrow(ReferenceError);
    expect(() => checkInitialized(uninitialized, 'x')).toThrow("Cannot access 'x' before initialization");
  });

  test('an initialized binding reads through, whatever its value', () => {
    expect(checkInitialized(undefined, 'x')).toBeUndefined();
    expect(checkInitialized(0, 'x')).toBe(0);
    const o = {};
    expect(checkInitialized(o, 'x')).toBe(o);
  });
});

describe('assignment in the dead zone', () => {
  test('an uninitialized binding refuses the write with the ReferenceError a native write throws', () => {
    let native: unknown;
    try {
      // eslint-disable-next-line no-use-before-define
      (() => {
        x = 2;
      })();
      let x = 1;
      void x;
    } catch (e) {
      native = e;
    }
    expect(native).toBeInstanceOf(ReferenceError);
    expect(() => checkWritable(uninitialized, 2, 'x')).toThrow("Cannot access 'x' before initialization");
  });

  test('an initialized binding takes the value, whatever it held', () => {
    expect(checkWritable(undefined, 2, 'x')).toBe(2);
    const o = {};
    expect(checkWritable(1, o, 'x')).toBe(o);
  });
});

describe('assignment to a constant', () => {
  test('throws the TypeError a native const assignment throws, with its message', () => {
    const { throwConstantAssignment } = require('../src');
    let native: unknown;
    try {
      const c = 1;
      (c as number) = 2;
    } catch (e) {
      native = e;
    }
    expect(native).toBeInstanceOf(TypeError);
    expect(() => throwConstantAssignment()).toThrow(TypeError);
    expect(() => throwConstantAssignment()).toThrow((native as Error).message);
  });
});
