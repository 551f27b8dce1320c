import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.ts';

describe('isCommonPassword', () => {
  it.each(['password', 'password1234', 'Password2024!', '123456789012', '987654321098', 'qwertyuiop', 'aaaaaaaaaaaa', 'abababababab', 'iloveyou123!!', '!!!sunshine!!!'])(
    'refuses %s',
    (p) => expect(isCommonPassword(p)).toBe(true),
  );
  it.each(['quiet river morning lantern', 'tomato-ladder-7-velvet', 'my cat eats only on tuesdays', 'R3d!sh-Kettle-Orbit'])('accepts %s', (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );
});
